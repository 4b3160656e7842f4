/**
 * Deterministic, clearly fake contact details for demo customers: a name that fits the country, an
 * example.com email containing the customer id (so it is unique), and a postcode in the country's format.
 */
import type { SeededRandom } from './seededRandom';

interface NamePool { first: readonly string[]; last: readonly string[] }

const BRITISH: NamePool = {
  first: ['Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Ava', 'Jack', 'Emily', 'Charlie', 'Sophie', 'Thomas', 'Grace', 'James', 'Lily', 'William', 'Freya', 'Alfie', 'Ella', 'Henry', 'Chloe', 'Samuel', 'Ruby', 'Daniel', 'Evie', 'Joseph', 'Hannah', 'Arjun', 'Aisha', 'Mohammed', 'Priya'],
  last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Patel', 'Khan', 'Hughes', 'Edwards', 'Turner', 'Hill', 'Cooper', 'Ward', 'Morris', 'Murphy'],
};
const POOLS: Record<string, NamePool> = {
  german: { first: ['Lukas', 'Anna', 'Felix', 'Lena', 'Jonas', 'Marie', 'Paul', 'Sophie', 'Leon', 'Hannah'], last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schulz'] },
  french: { first: ['Louis', 'Camille', 'Hugo', 'Léa', 'Jules', 'Chloé', 'Arthur', 'Manon', 'Gabriel', 'Inès'], last: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau'] },
  spanish: { first: ['Hugo', 'Lucía', 'Mateo', 'Sofía', 'Pablo', 'Martina', 'Daniel', 'María', 'Álvaro', 'Paula'], last: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Ruiz'] },
  portuguese: { first: ['João', 'Maria', 'Tiago', 'Beatriz', 'Rodrigo', 'Ana', 'Diogo', 'Inês', 'Miguel', 'Carolina'], last: ['Silva', 'Santos', 'Ferreira', 'Pereira', 'Oliveira', 'Costa', 'Rodrigues', 'Martins', 'Sousa', 'Gomes'] },
  italian: { first: ['Leonardo', 'Giulia', 'Francesco', 'Aurora', 'Lorenzo', 'Sofia', 'Matteo', 'Chiara', 'Andrea', 'Alice'], last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco'] },
  dutch: { first: ['Daan', 'Emma', 'Sem', 'Julia', 'Lucas', 'Mila', 'Finn', 'Tess', 'Levi', 'Sara'], last: ['de Jong', 'Jansen', 'de Vries', 'van Dijk', 'Bakker', 'Janssens', 'Peeters', 'Visser', 'Smit', 'Maes'] },
  nordic: { first: ['Oskar', 'Ella', 'Elias', 'Maja', 'William', 'Alma', 'Noah', 'Ida', 'Emil', 'Freja'], last: ['Hansen', 'Johansson', 'Nielsen', 'Andersson', 'Korhonen', 'Larsen', 'Karlsson', 'Virtanen', 'Olsen', 'Berg'] },
  international: { first: ['Alex', 'Sam', 'Maya', 'Daniel', 'Nora', 'Adam', 'Lina', 'David', 'Yara', 'Leo', 'Hana', 'Omar'], last: ['Cohen', 'Haddad', 'Tan', 'Sato', 'Costa', 'Novak', 'Nasser', 'Lee', 'Katz', 'Ivanova', 'Mendes', 'Brown'] },
};
const LANGUAGE_BY_COUNTRY: Record<string, string> = {
  Germany: 'german', Austria: 'german', Switzerland: 'german', France: 'french', Belgium: 'dutch', Netherlands: 'dutch',
  Spain: 'spanish', Portugal: 'portuguese', Brazil: 'portuguese', Italy: 'italian', Norway: 'nordic', Sweden: 'nordic',
  Denmark: 'nordic', Finland: 'nordic', Iceland: 'nordic',
};
const BRITISH_NAMED = new Set(['United Kingdom', 'EIRE', 'Channel Islands', 'Australia', 'Canada', 'USA', 'RSA']);

const UK_AREAS = ['SW', 'SE', 'N', 'NW', 'E', 'W', 'EC', 'B', 'M', 'L', 'LS', 'S', 'BS', 'CF', 'EH', 'G', 'NE', 'NG', 'OX', 'CB', 'BN', 'YO', 'EX', 'PL', 'BA', 'GL', 'CV', 'LE', 'DE', 'SO'];
const UNIT_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** Digits and letters by template: 9 = a digit, A = a letter allowed in UK inward codes; other chars as they are. */
function fill(template: string, random: SeededRandom): string {
  return template.replace(/[9A]/g, (slot) => (slot === '9' ? String(random.int(10)) : UNIT_LETTERS[random.int(UNIT_LETTERS.length)]));
}

const POSTCODE_TEMPLATES: Record<string, string> = {
  Germany: '99999', France: '99999', Spain: '99999', Italy: '99999', Finland: '99999', USA: '99999', Lithuania: 'LT-99999',
  Belgium: '9999', Switzerland: '9999', Norway: '9999', Denmark: '9999', Austria: '9999', Australia: '9999', Cyprus: '9999',
  Netherlands: '9999 AA', Portugal: '9999-999', Sweden: '999 99', Greece: '999 99', Poland: '99-999', Japan: '999-9999',
  Canada: 'A9A 9A9', Israel: '9999999', Singapore: '999999', Brazil: '99999-999', Malta: 'AAA 9999', Iceland: '999',
  EIRE: 'D99 A9A9', 'Czech Republic': '999 99', RSA: '9999', 'Channel Islands': 'JE9 9AA',
};

export function ukPostcode(random: SeededRandom): string {
  return `${random.pick(UK_AREAS)}${1 + random.int(20)} ${random.int(10)}${fill('AA', random)}`;
}

/** A postcode in the country's usual format; countries without one in the data's list get five digits. */
export function postcodeFor(country: string, random: SeededRandom): string {
  if (country === 'United Kingdom') return ukPostcode(random);
  return fill(POSTCODE_TEMPLATES[country] ?? '99999', random);
}

export function nameFor(country: string, random: SeededRandom): { first: string; last: string } {
  const language = LANGUAGE_BY_COUNTRY[country];
  const pool = language ? POOLS[language] : BRITISH_NAMED.has(country) ? BRITISH : POOLS.international;
  return { first: random.pick(pool.first), last: random.pick(pool.last) };
}

/** "Léa", "de Jong" -> "lea", "dejong": ASCII only, for the local part of an example.com address. */
export function emailPart(name: string): string {
  return name.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
}

export function demoEmail(first: string, last: string, customerId: string): string {
  return `${emailPart(first)}.${emailPart(last)}.${customerId}@example.com`;
}
