/**
 * Special categories of personal data (GDPR art. 9) that a segment must never be built on. A definition is
 * scanned before anything else (field names and values, camelCase and snake_case split into words) so that a
 * rule such as `{ "religion": ... }` or `{ "values": ["halal"] }` is refused with the reason, not just
 * reported as an unknown field.
 */
export const SPECIAL_CATEGORY_TERMS: Readonly<Record<string, readonly string[]>> = {
  'racial or ethnic origin': ['race', 'racial', 'ethnic', 'ethnicity', 'skin colour', 'skin color'],
  'religion or belief': [
    'religion', 'religious', 'faith', 'belief', 'beliefs', 'christian', 'muslim', 'islamic', 'jewish', 'hindu',
    'sikh', 'buddhist', 'atheist', 'halal', 'kosher', 'church', 'mosque', 'synagogue',
  ],
  'health or disability': [
    'health', 'medical', 'disability', 'disabled', 'illness', 'diagnosis', 'pregnant', 'pregnancy', 'diabetic',
    'diabetes', 'wheelchair', 'medication',
  ],
  'sexual orientation': ['sexual orientation', 'sexuality', 'gay', 'lesbian', 'bisexual', 'lgbt', 'lgbtq', 'queer', 'homosexual', 'heterosexual'],
  'political opinion': ['political', 'politics', 'voter', 'voting', 'left wing', 'right wing', 'republican', 'democrat'],
  'trade union membership': ['trade union', 'union member', 'union membership', 'unionised', 'unionized'],
};

export interface SpecialCategoryUse {
  category: string;
  /** Dotted path inside the definition, e.g. `when.values[0]`. */
  field: string;
  term: string;
}

function words(text: string): string {
  const spaced = text.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().replace(/[^a-z0-9]+/g, ' ');
  return ` ${spaced.trim()} `;
}

function findTerm(text: string): { category: string; term: string } | undefined {
  const haystack = words(text);
  for (const [category, terms] of Object.entries(SPECIAL_CATEGORY_TERMS)) {
    for (const term of terms) if (haystack.includes(` ${term} `)) return { category, term };
  }
  return undefined;
}

/** Every place in `value` (field names and string values, recursively) that names a special category. */
export function findSpecialCategoryUses(value: unknown, path = ''): SpecialCategoryUse[] {
  const uses: SpecialCategoryUse[] = [];
  if (typeof value === 'string') {
    const hit = findTerm(value);
    if (hit) uses.push({ ...hit, field: path });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => uses.push(...findSpecialCategoryUses(item, `${path}[${i}]`)));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      const hit = findTerm(key);
      if (hit) uses.push({ ...hit, field });
      // Free text that describes the segment is not a condition: only keys and condition values count.
      if (key !== 'description' && key !== 'name') uses.push(...findSpecialCategoryUses(item, field));
    }
  }
  return uses;
}
