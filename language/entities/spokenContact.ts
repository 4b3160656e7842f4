/**
 * Sign-in details as a speech recogniser writes them down: emails read out ("priya dot shah at example dot
 * com", letters spelled one by one), postcodes letter by letter ("m one one a e") and order numbers digit by
 * digit ("five eight one three seven five"). Each reader returns the canonical form, or null when the words
 * do not make one. Typed input passes through the same readers unchanged. Pure functions.
 */
const DIGIT_WORDS: Record<string, string> = {
  zero: '0', nought: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
};
/** Letter names a recogniser may write instead of the letter itself. */
const LETTER_NAMES: Record<string, string> = {
  ay: 'a', aitch: 'h', bee: 'b', cee: 'c', dee: 'd', ee: 'e', ef: 'f', gee: 'g', jay: 'j', kay: 'k', el: 'l', em: 'm', en: 'n',
  pee: 'p', cue: 'q', ess: 's', tee: 't', vee: 'v', ex: 'x', zed: 'z', zee: 'z',
};
const EMAIL_SYMBOLS: Record<string, string> = {
  at: '@', dot: '.', period: '.', point: '.', underscore: '_', dash: '-', hyphen: '-', plus: '+',
};
const EMAIL_LEAD_IN = /^(?:(?:it'?s|it is|that'?s|my|the|e-?mail|address|is|sure|yes|ok(?:ay)?)\b[\s,:]*)+/;
const FACTOR_FILLER = new Set(['my', 'the', 'it', "it's", 'its', 'is', 'post', 'postcode', 'postal', 'code', 'zip', 'order', 'number', 'ok', 'okay', 'yes', 'sure', 'past']);
const EMAIL = /^[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/;
const UK_POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/;
const ORDER_NUMBER = /^C?\d{6}$/;
const NUMERIC_POSTCODE = /^\d{4,6}$/;

const words = (text: string): string[] =>
  text.toLowerCase().replace(/[?!]+$|\.$/g, '').replace(/,/g, ' ').split(/\s+/).filter(Boolean);

/** "double one" -> "one one", so the readers only see single tokens. */
function expandDoubles(tokens: string[]): string[] {
  return tokens.flatMap((token, i) => (token === 'double' || token === 'triple' ? [] : i > 0 && ['double', 'triple'].includes(tokens[i - 1])
    ? Array<string>(tokens[i - 1] === 'double' ? 2 : 3).fill(token) : [token]));
}

/** An email address from typed or spoken words, lower-cased; null when it does not make one. */
export function readSpokenEmail(text: string): string | null {
  const typed = text.trim().toLowerCase().replace(/[.!?]+$/, '');
  if (EMAIL.test(typed)) return typed;
  const tokens = expandDoubles(words(typed.replace(/\bat sign\b|\bat the rate( of)?\b/g, 'at').replace(EMAIL_LEAD_IN, '')));
  const joined = tokens.map((token) => EMAIL_SYMBOLS[token] ?? DIGIT_WORDS[token] ?? token).join('');
  return EMAIL.test(joined) && joined.split('@').length === 2 ? joined : null;
}

function factorCharacters(text: string): string {
  const tokens = expandDoubles(words(text.replace(/\bpost\s*code\b/gi, 'postcode')).filter((token) => !FACTOR_FILLER.has(token)));
  return tokens.map((token) => DIGIT_WORDS[token] ?? LETTER_NAMES[token] ?? token).join('').toUpperCase();
}

/** A UK postcode ("M1 1AE") or a numeric one ("10115") from typed or spoken characters; null otherwise. */
export function readSpokenPostcode(text: string): string | null {
  const squashed = factorCharacters(text);
  const uk = UK_POSTCODE.exec(squashed);
  if (uk) return `${uk[1]} ${uk[2]}`;
  return NUMERIC_POSTCODE.test(squashed) ? squashed : null;
}

/** A six-digit order number (optionally C-prefixed) from typed or spoken digits; null otherwise. */
export function readSpokenOrderNumber(text: string): string | null {
  const squashed = factorCharacters(text);
  return ORDER_NUMBER.test(squashed) ? squashed : null;
}

/** The second factor as the account holds it: an order number, a postcode, or the text as given. */
export function readSecondFactor(text: string): string {
  return readSpokenOrderNumber(text) ?? readSpokenPostcode(text) ?? text.trim();
}
