/**
 * Budgets as shoppers say them: "under £20", "less than 15 pounds", "between 10 and 30 dollars", "twenty quid",
 * "£5-£10", "over 50", "around 20", "no more than twenty pounds". Number words become digits first
 * (numbers.ts), then a few ordered rules decide which bound(s) the amount sets.
 */
import type { Budget } from '../types';
import { numberWordsToDigits, parseDecimal } from './numbers';

export interface BudgetParseOptions {
  /** A bare number with no currency or cue ("20") counts as a maximum: set when the bot just asked for a budget. */
  bareNumberIsMax?: boolean;
}

/** "Around x" means x give or take this share. */
const AROUND_TOLERANCE = 0.25;

const UNIT = String.raw`(?:pounds?|quid|gbp|sterling|bucks|dollars?|usd|euros?|eur|pence|p)\b`;
/** One amount: optional currency sign, digits, optional unit. Group 1 = digits, group 2 = unit. */
const AMOUNT = String.raw`[£$€]?\s*(\d[\d,]*(?:\.\d+)?)\s*(${UNIT})?`;
const amountRe = (before: string, after = ''): RegExp => new RegExp(String.raw`${before}${AMOUNT}${after}`);

const RANGE_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`between\s+${AMOUNT}\s*(?:and|to|-|–)\s*${AMOUNT}`),
  new RegExp(String.raw`(?:from\s+)?${AMOUNT}\s*(?:-|–|to)\s*${AMOUNT}`),
];
const MAX_PATTERNS: readonly RegExp[] = [
  amountRe(String.raw`\b(?:under|below|beneath|less than|less then|lower than|cheaper than|no more than|no more then|not more than|no higher than|not over|not above|up to|upto|at most|max(?:imum)?(?: of)?|within|budget(?: is| of)?(?: about| around)?|spend(?: only)?|afford)\s*`),
  amountRe('', String.raw`\s*(?:or less|or under|or below|or cheaper|max(?:imum)?\b|tops\b|at most|at the most)`),
];
const MIN_PATTERNS: readonly RegExp[] = [
  amountRe(String.raw`\b(?:over|above|more than|greater than|at least|no less than|not less than|min(?:imum)?(?: of)?|upwards of|starting (?:at|from)|from)\s*`),
  amountRe('', String.raw`\s*(?:or more|or above|or over|plus\b|\+|and up\b|and above|upwards)`),
];
const AROUND_PATTERNS: readonly RegExp[] = [
  amountRe(String.raw`\b(?:around|about|roughly|approximately|approx|circa|near|close to|something like|in the region of)\s*`),
  amountRe('', String.raw`\s*-?\s*ish\b`),
];
/** An amount that is unmistakably money: a currency sign before it or a currency word after it. */
const MONEY = /[£$€]\s*(\d[\d,]*(?:\.\d+)?)|(\d[\d,]*(?:\.\d+)?)\s*(pounds?|quid|gbp|bucks|dollars?|usd|euros?|eur|pence)\b/;

function currencyOf(text: string): string | undefined {
  if (/£|\bpounds?\b|\bquid\b|\bgbp\b|\bsterling\b|\bpence\b|\dp\b/.test(text)) return 'GBP';
  if (/\$|\bdollars?\b|\bbucks\b|\busd\b/.test(text)) return 'USD';
  if (/€|\beuros?\b|\beur\b/.test(text)) return 'EUR';
  return undefined;
}

/** Amount in major units: "50p" / "50 pence" is 0.5. */
function amountValue(digits: string, unit: string | undefined): number {
  const value = parseDecimal(digits);
  return unit === 'p' || unit === 'pence' ? value / 100 : value;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

function withCurrency(budget: Budget, text: string): Budget {
  const currency = currencyOf(text);
  return currency ? { ...budget, currency } : budget;
}

export function parseBudget(text: string, options: BudgetParseOptions = {}): Budget | undefined {
  const normalised = numberWordsToDigits(text);

  for (const pattern of RANGE_PATTERNS) {
    const m = pattern.exec(normalised);
    if (!m) continue;
    const a = amountValue(m[1], m[2] ?? m[4]);
    const b = amountValue(m[3], m[4] ?? m[2]);
    return withCurrency({ min: Math.min(a, b), max: Math.max(a, b) }, normalised);
  }
  // Max before min: "no more than 20" contains "more than 20".
  for (const pattern of MAX_PATTERNS) {
    const m = pattern.exec(normalised);
    if (m) return withCurrency({ max: amountValue(m[1], m[2]) }, normalised);
  }
  for (const pattern of MIN_PATTERNS) {
    const m = pattern.exec(normalised);
    if (m) return withCurrency({ min: amountValue(m[1], m[2]) }, normalised);
  }
  for (const pattern of AROUND_PATTERNS) {
    const m = pattern.exec(normalised);
    if (!m) continue;
    const centre = amountValue(m[1], m[2]);
    return withCurrency({ min: round2(centre * (1 - AROUND_TOLERANCE)), max: round2(centre * (1 + AROUND_TOLERANCE)) }, normalised);
  }
  // "twenty quid" on its own: an amount of money with no cue is a ceiling.
  const money = MONEY.exec(normalised);
  if (money) return withCurrency({ max: amountValue(money[1] ?? money[2], money[3]) }, normalised);
  if (options.bareNumberIsMax) {
    const bare = /^\s*(?:about\s+)?[£$€]?\s*(\d[\d,]*(?:\.\d+)?)\s*$/.exec(normalised);
    if (bare) return withCurrency({ max: parseDecimal(bare[1]) }, normalised);
  }
  return undefined;
}
