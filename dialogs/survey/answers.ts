/** Reading survey answers: ratings in digits or words ("4", "four", "9 out of 10"), or a skip. */
import { parseRating } from '../../language/entities/rating';

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

export const MAX_COMMENT_LENGTH = 1000;

/** A comment to store, "skip", or null when it is empty or too long. */
export function readComment(text: string): string | typeof SKIP | null {
  const trimmed = text.trim();
  if (isSkip(trimmed)) return SKIP;
  return trimmed.length > 0 && trimmed.length <= MAX_COMMENT_LENGTH ? trimmed : null;
}
