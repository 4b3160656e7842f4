/**
 * How old the person a present is for is, when the shopper says so: "my 10 year old nephew", "a toddler", "a
 * newborn". A child's present should be something made for children, whatever the shop's adult bestsellers are.
 * Only a stated age or an unmistakable word counts: "my nephew" alone may be 30.
 */
import type { Entities } from '../types';
import { numberWordsToDigits } from './numbers';
import { tokenize } from '../text/normalize';

export type Audience = NonNullable<Entities['audience']>;

/** Under this many years a child is a baby (baby goods), from it up to CHILD_UNTIL a child (children's goods). */
const BABY_UNTIL_YEARS = 2;
const CHILD_UNTIL_YEARS = 13;

/** "10 year old", "10 yr old", "aged 10", "age 10", "10 yo", "turning 10", "10th birthday". */
const AGE_IN_YEARS = [
  /\b(\d{1,3}) (?:years?|yrs?) old\b/,
  /\bage[ds]? (\d{1,3})\b/,
  /\b(\d{1,3}) yo\b/,
  /\bturning (\d{1,3})\b/,
  /\b(\d{1,3}) ?(?:st|nd|rd|th) birthday\b/,
];
const AGE_IN_MONTHS = /\b(\d{1,2}) (?:months?|mths?) old\b/;

/** Words that say child without an age: "a toddler", "my little boy", "the little ones", "kids". */
const CHILD_WORDS = /\b(?:toddlers?|kids?|child|children|little (?:boys?|girls?|ones?|man|lady)|young (?:boys?|girls?|ones?))\b/;
/** "a newborn", "for the baby" (not "baby blue"). */
const BABY_WORDS = /\b(?:newborns?|new born|(?:a|the|our|my|for) baby)\b(?! (?:blue|pink|shower))/;

function ageInYears(words: string): number | undefined {
  const months = AGE_IN_MONTHS.exec(words);
  if (months) return Number(months[1]) / 12;
  for (const pattern of AGE_IN_YEARS) {
    const match = pattern.exec(words);
    if (match) return Number(match[1]);
  }
  return undefined;
}

export function extractAudience(text: string): Audience | undefined {
  const words = tokenize(numberWordsToDigits(text)).join(' ').replace(/(\d) (st|nd|rd|th)\b/g, '$1$2');
  const age = ageInYears(words);
  if (age !== undefined) {
    if (age < BABY_UNTIL_YEARS) return 'baby';
    return age < CHILD_UNTIL_YEARS ? 'child' : undefined;
  }
  if (BABY_WORDS.test(words)) return 'baby';
  return CHILD_WORDS.test(words) ? 'child' : undefined;
}
