/**
 * Ratings as shoppers say them: "4", "four", "nine out of ten", "8/10", "a 7", "five stars", "zero".
 * Returns the number the shopper gave (the numerator of "x out of y"); the caller knows its own scale.
 */
import { numberWordsToDigits, parseDecimal } from './numbers';

const MAX_RATING = 10;
const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
const RATIO = new RegExp(String.raw`${NUMBER}\s*(?:out of|/|of)\s*${NUMBER}`);
const STARS = new RegExp(String.raw`${NUMBER}\s*(?:stars?|points?|marks?)\b`);
const ANY_NUMBER = new RegExp(NUMBER, 'g');
const NO_STARS = /\b(?:no|zero|nil|nought|nothing)\s+(?:stars?|points?)\b|^\s*(?:nil|nought)\s*$/;
const FULL_MARKS = /\bfull marks\b/;

function inRange(value: number): number | null {
  return Number.isFinite(value) && value >= 0 && value <= MAX_RATING ? value : null;
}

export function parseRating(text: string): number | null {
  const normalised = numberWordsToDigits(text);
  if (NO_STARS.test(normalised)) return 0;
  if (FULL_MARKS.test(normalised)) return MAX_RATING;

  const ratio = RATIO.exec(normalised);
  if (ratio) {
    const [given, scale] = [parseDecimal(ratio[1]), parseDecimal(ratio[2])];
    return given <= scale ? inRange(given) : null;
  }
  const stars = STARS.exec(normalised);
  if (stars) return inRange(parseDecimal(stars[1]));

  // Otherwise the first number in range; a six-digit order number or a year is not a rating.
  for (const match of normalised.matchAll(ANY_NUMBER)) {
    const rating = inRange(parseDecimal(match[1]));
    if (rating !== null) return rating;
  }
  return null;
}
