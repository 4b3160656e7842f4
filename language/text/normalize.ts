/**
 * Text clean-up shared by the classifier and the entity extractors. Typed chat and speech transcripts
 * end up in the same shape: lower case, no punctuation, contractions joined ("don't" -> "dont").
 */

/** Splits already-masked text into lower-case word tokens. */
export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/'/g, '')
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0);
}

/** Placeholder tokens: open-class values the classifier should see as a kind, not as a string. */
export const PLACEHOLDERS = {
  email: 'xemailx',
  postcode: 'xpostcodex',
  orderNumber: 'xordernumberx',
  number: 'xnumberx',
} as const;

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/gi;
const SPOKEN_EMAIL = /\b[a-z0-9]+(?:\s+dot\s+[a-z0-9]+)*\s+at\s+[a-z0-9]+(?:\s+dot\s+[a-z0-9]+)+\b/gi;
const UK_POSTCODE = /\b[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\b/gi;
const SIX_DIGITS = /\bc?\d{6}\b/gi;
const NUMBER = /[£$€]?\d+(?:[.,]\d+)*/g;

/** Replaces emails, postcodes, order numbers and other numbers with placeholder words for classification. */
export function maskOpenValues(text: string): string {
  return text
    .replace(EMAIL, ` ${PLACEHOLDERS.email} `)
    .replace(SPOKEN_EMAIL, ` ${PLACEHOLDERS.email} `)
    .replace(UK_POSTCODE, ` ${PLACEHOLDERS.postcode} `)
    .replace(SIX_DIGITS, ` ${PLACEHOLDERS.orderNumber} `)
    .replace(NUMBER, ` ${PLACEHOLDERS.number} `);
}
