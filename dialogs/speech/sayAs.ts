/**
 * SSML `say-as` markup for what speech engines read badly from plain text: prices ("£1.45" is read as
 * "pound one point four five"), references (order numbers, postcodes: read character by character),
 * dates and quantities. Input is plain text, output an escaped SSML fragment. Pure functions.
 *
 * The markup sticks to what Azure, Alexa and espeak-ng all understand (`cardinal`, `characters`, `date`):
 * a price becomes "<cardinal>1</cardinal> pound <cardinal>45</cardinal>" rather than `currency`, which
 * Alexa and espeak-ng do not know.
 */
import { escapeXml } from '../../domain/xml';

const CURRENCIES: Record<string, { major: [string, string]; minor: [string, string] }> = {
  '£': { major: ['pound', 'pounds'], minor: ['penny', 'pence'] },
  '€': { major: ['euro', 'euros'], minor: ['cent', 'cents'] },
  '$': { major: ['dollar', 'dollars'], minor: ['cent', 'cents'] },
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** One alternation, tried left to right: price, ISO date, order number, UK postcode, plain whole number. */
const SPEAKABLE_TOKEN = new RegExp([
  String.raw`(?<price>[£€$])\s?(?<major>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?<minor>\d{2}))?`,
  String.raw`\b(?<date>\d{4}-\d{2}-\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?\b`,
  String.raw`\b(?<order>[Cc]?\d{6})\b`,
  String.raw`\b(?<postcode>[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b`,
  String.raw`(?<![\d.,])\b(?<count>\d{1,5})\b(?![.,]\d)`,
].join('|'), 'g');

export const cardinal = (value: number | string): string => `<say-as interpret-as="cardinal">${escapeXml(String(value))}</say-as>`;
/** Read one character at a time; spaces between them keep espeak-ng from grouping digits. */
export const characters = (value: string): string =>
  `<say-as interpret-as="characters">${escapeXml(value.replace(/\s+/g, '').split('').join(' '))}</say-as>`;

function spokenPrice(symbol: string, majorText: string, minorText: string | undefined): string {
  const currency = CURRENCIES[symbol];
  const major = Number(majorText.replace(/,/g, ''));
  const minor = minorText ? Number(minorText) : 0;
  const [one, many] = currency.major;
  if (major === 0 && minor > 0) return `${cardinal(minor)} ${minor === 1 ? currency.minor[0] : currency.minor[1]}`;
  const main = `${cardinal(major)} ${major === 1 ? one : many}`;
  // "2 pounds 8" would be misheard: single-digit pence are said with their unit.
  if (minor === 0) return main;
  return minor < 10 ? `${main} ${cardinal(minor)} ${minor === 1 ? currency.minor[0] : currency.minor[1]}` : `${main} ${cardinal(minor)}`;
}

function spokenDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31) return escapeXml(iso);
  return `<say-as interpret-as="date" format="dmy">${day} ${MONTHS[month - 1]} ${year}</say-as>`;
}

/** Escapes plain text and marks up prices, dates, references and quantities for speech. */
export function markUpForSpeech(text: string): string {
  let out = '';
  let cursor = 0;
  for (const match of text.matchAll(SPEAKABLE_TOKEN)) {
    const groups = match.groups ?? {};
    out += escapeXml(text.slice(cursor, match.index));
    if (groups.price) out += spokenPrice(groups.price, groups.major, groups.minor);
    else if (groups.date) out += spokenDate(groups.date);
    else if (groups.order) out += characters(groups.order);
    else if (groups.postcode) out += characters(groups.postcode);
    else out += cardinal(groups.count);
    cursor = match.index + match[0].length;
  }
  out += escapeXml(text.slice(cursor));
  // espeak-ng reads a full stop right after markup at the very end as "dot": a break keeps the pause instead.
  return out.replace(/(<\/say-as>)[.]$/, '$1<break strength="medium"/>');
}

/** The words a listener hears from an SSML document (tags dropped), for word budgets and audits. */
export function spokenWords(ssml: string): string[] {
  return ssml
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos);/g, ' ')
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
}
