/**
 * Identity clues in an utterance: email (typed or spoken: "sam at example dot com"), postcode
 * (UK format, or a generic numeric code after a postcode/zip cue) and order number (the shop's invoice
 * numbers are six digits, e.g. 536365; a leading C marks a cancellation).
 */
import { numberWordsToDigits } from './numbers';

const TYPED_EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/i;
const SPOKEN_EMAIL = /\b([a-z0-9]+(?:\s+dot\s+[a-z0-9]+)*)\s+at\s+([a-z0-9]+(?:\s+dot\s+[a-z0-9]+)+)\b/i;
const UK_POSTCODE = /\b([a-z]{1,2}\d[a-z\d]?)\s*(\d[a-z]{2})\b/i;
const POSTCODE_CUE = /\b(?:post\s*code|postal code|zip(?:\s*code)?)\b(?:\s+is)?\s*:?\s*/i;
const GENERIC_POSTCODE = /^(\d{4,6}(?:-\d{4})?)\b/;
const ORDER_NUMBER = /\b[cC]?(\d{6})\b/;
/** Six digits spoken one by one: "five seven four zero two two" -> "5 7 4 0 2 2". */
const SPOKEN_DIGITS = /\b(\d(?:\s+\d){5})\b/;

export function extractEmail(text: string): string | undefined {
  const typed = TYPED_EMAIL.exec(text);
  if (typed) return typed[0].toLowerCase();
  const spoken = SPOKEN_EMAIL.exec(text.toLowerCase());
  if (!spoken) return undefined;
  const join = (part: string): string => part.split(/\s+dot\s+/).join('.');
  return `${join(spoken[1])}@${join(spoken[2])}`;
}

function formatUkPostcode(outward: string, inward: string): string {
  return `${outward.toUpperCase()} ${inward.toUpperCase()}`;
}

export function extractPostcode(text: string): string | undefined {
  const uk = UK_POSTCODE.exec(text);
  if (uk) return formatUkPostcode(uk[1], uk[2]);
  const cue = POSTCODE_CUE.exec(text);
  if (!cue) return undefined;
  // After a cue, letters and digits may be spoken one by one: "s w one a one a a".
  const rest = numberWordsToDigits(text.slice(cue.index + cue[0].length));
  const generic = GENERIC_POSTCODE.exec(rest);
  if (generic) return generic[1];
  const squashed = rest.split(/\s+/).slice(0, 8).join('');
  const spokenUk = /^([a-z]{1,2}\d[a-z\d]?)(\d[a-z]{2})/i.exec(squashed);
  return spokenUk ? formatUkPostcode(spokenUk[1], spokenUk[2]) : undefined;
}

export function extractOrderNumber(text: string): string | undefined {
  const typed = ORDER_NUMBER.exec(text);
  if (typed) return typed[1];
  const spoken = SPOKEN_DIGITS.exec(numberWordsToDigits(text));
  return spoken ? spoken[1].replace(/\s+/g, '') : undefined;
}
