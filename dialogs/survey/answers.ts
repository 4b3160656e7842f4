/** Reading survey answers: ratings in digits or words ("4", "four", "9 out of 10"), or a skip. */
import { parseRating } from '../../language/entities/rating';
import { parseSatisfaction } from '../../language/entities/satisfaction';

export const SKIP = 'skip';
export type RatingAnswer = number | typeof SKIP;

const SKIP_PATTERN = /^\s*(skip( it| this)?|pass|next|no comment|rather not( say)?|none|nothing|no thanks|no|n\/a)\s*[.!]*\s*$/i;

export function isSkip(text: string): boolean {
  return SKIP_PATTERN.test(text);
}

/** A whole-number rating within [min, max], "skip", or null when the answer makes no sense on that scale. */
export function readRating(text: string, min: number, max: number): RatingAnswer | null {
  if (isSkip(text)) return SKIP;
  const rating = parseRating(text.toLowerCase());
  return rating !== null && Number.isInteger(rating) && rating >= min && rating <= max ? rating : null;
}

/** CSAT in digits or in the scale's words ("it was fine" is a 3); `worded` says a word answer was mapped. */
export function readCsat(text: string): { answer: RatingAnswer; worded: boolean } | null {
  const rating = readRating(text, 1, 5);
  if (rating !== null) return { answer: rating, worded: false };
  const score = parseSatisfaction(text);
  return score === null ? null : { answer: score, worded: true };
}

export const MAX_COMMENT_LENGTH = 1000;

/** A comment to store, "skip", or null when it is empty or too long. */
export function readComment(text: string): string | typeof SKIP | null {
  const trimmed = text.trim();
  if (isSkip(trimmed)) return SKIP;
  return trimmed.length > 0 && trimmed.length <= MAX_COMMENT_LENGTH ? trimmed : null;
}
