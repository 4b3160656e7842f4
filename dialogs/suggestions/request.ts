/**
 * Turning what the shopper said into a suggestion request, and refining the last request
 * ("cheaper", "something else", "more like this"). Pure functions, no I/O.
 */
import type { Entities } from '../../language/types';
import type { LastRequest, ShownItem } from '../session';

/** Keep exclusion lists bounded: a long conversation must not grow the request without limit. */
const MAX_EXCLUDED = 100;

export type Refinement = NonNullable<Entities['refinement']>;

export function requestFromEntities(entities: Entities): LastRequest {
  const request: LastRequest = {};
  const occasion = occasionOf(entities);
  if (entities.categories.length > 0) request.categories = [...entities.categories];
  // A present for someone's birthday: the day's own word names no product ("birthday" would filter to cards).
  const dayWordsOff = occasion === 'gift' && entities.occasion && PERSONAL_DAYS.has(entities.occasion)
    ? entities.keywords.filter((k) => !DAY_WORDS.has(k))
    : entities.keywords;
  const keywords = entities.audience ? dayWordsOff.filter((k) => !PERSON_WORDS.has(k)) : dayWordsOff;
  if (keywords.length > 0) request.keywords = [...keywords];
  if (entities.colours?.length) request.colours = [...entities.colours];
  if (entities.budget && (entities.budget.min !== undefined || entities.budget.max !== undefined)) {
    request.budget = { min: entities.budget.min, max: entities.budget.max };
  }
  if (occasion) request.occasion = occasion;
  if (entities.audience) request.audience = entities.audience;
  if (entities.priceOrder) request.priceOrder = entities.priceOrder;
  return request;
}

/** A person's day: a present for it need not be themed on it ("a birthday present for my dad" is not party goods). */
const PERSONAL_DAYS: ReadonlySet<string> = new Set(['birthday', 'wedding', 'anniversary', 'valentines']);
/** Words about the person, not the product: with an age group said ("a 12 year old boy") they narrow nothing. */
const PERSON_WORDS: ReadonlySet<string> = new Set(['boy', 'boys', 'girl', 'girls', 'kid', 'kids', 'child', 'children', 'baby', 'babies', 'toddler', 'toddlers']);
/** The days' words as a shopper may type them. */
const DAY_WORDS: ReadonlySet<string> = new Set([...PERSONAL_DAYS, 'bday', 'valentine']);

/**
 * A named recipient ("for my mum") makes it a gift even when no occasion was said; so does asking for a present
 * for someone's day, so that what sells as a present ranks instead of the day's theme filtering the catalogue.
 */
function occasionOf(entities: Entities): string | undefined {
  const forSomeone = entities.present === true || entities.recipient !== undefined || entities.audience !== undefined;
  if (entities.occasion && PERSONAL_DAYS.has(entities.occasion) && forSomeone) return 'gift';
  return entities.occasion ?? (entities.recipient || entities.audience ? 'gift' : undefined);
}

/** Nothing says what the suggestions are for or what kind of thing: worth one clarifying question. */
export function isUnderspecified(request: LastRequest): boolean {
  return !request.categories?.length && !request.keywords?.length && !request.colours?.length && !request.audience
    && !request.occasion && !request.similarTo && !request.priceOrder;
}

/** Fills the gaps of `base` with what the clarifying answer added (the answer wins where both speak). */
export function mergeRequests(base: LastRequest, addition: LastRequest): LastRequest {
  return {
    ...base,
    ...Object.fromEntries(Object.entries(addition).filter(([, value]) => value !== undefined)),
  };
}

/**
 * "The cheapest?" after a round orders what was asked by price; "your cheapest candle" is a request of its own.
 * Either way what was shown is not excluded: the cheapest may well be among it.
 */
export function inPriceOrder(said: LastRequest, last: LastRequest | null): LastRequest {
  if (!last || !isUnderspecified({ ...said, priceOrder: undefined })) return said;
  return { ...last, exclude: undefined, similarTo: undefined, priceOrder: said.priceOrder };
}

export function withExclusions(request: LastRequest, productIds: readonly string[]): LastRequest {
  const exclude = [...new Set([...(request.exclude ?? []), ...productIds])].slice(-MAX_EXCLUDED);
  return exclude.length > 0 ? { ...request, exclude } : request;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const roundPence = (value: number): number => Math.round(value * 100) / 100;

/**
 * Refines the last request by what was shown: "cheaper" caps the budget below the median shown price,
 * "pricier" floors it above, "something else" keeps the request and excludes what was shown.
 * `more_like_this` is resolved by the caller (it needs the catalogue) and only excludes here.
 */
export function refineRequest(last: LastRequest, refinement: Refinement, shown: readonly ShownItem[]): LastRequest {
  const excluded = withExclusions(last, shown.map((item) => item.productId));
  if (shown.length === 0) return excluded;
  const pivot = median(shown.map((item) => item.price));
  switch (refinement) {
    case 'cheaper': {
      const max = roundPence(Math.min(pivot, last.budget?.max ?? Infinity) - 0.01);
      return { ...excluded, budget: { min: undefined, max: Math.max(0, max) } };
    }
    case 'pricier': {
      const min = roundPence(Math.max(pivot, last.budget?.min ?? 0) + 0.01);
      return { ...excluded, budget: { min, max: undefined } };
    }
    case 'something_else':
    case 'more_like_this':
      return excluded;
  }
}

/** The shown item a phrase like "more like the lantern" points at, by a keyword in its name. */
export function findShownByKeywords(shown: readonly ShownItem[], keywords: readonly string[]): ShownItem | undefined {
  const wanted = keywords.map((k) => k.toLowerCase());
  return shown.find((item) => wanted.some((keyword) => item.name.toLowerCase().includes(keyword)));
}

/** The one shown item whose name has a word of the message ("the moroccan one"); none when several or none do. */
export function findShownByNameWord(shown: readonly ShownItem[], text: string): ShownItem | undefined {
  const words = new Set(text.toLowerCase().match(/[a-z]{4,}/g) ?? []);
  const hits = shown.filter((item) => (item.name.toLowerCase().match(/[a-z]{4,}/g) ?? []).some((word) => words.has(word)));
  return hits.length === 1 ? hits[0] : undefined;
}

const ORDINALS: ReadonlyArray<[RegExp, (count: number) => number]> = [
  [/\b(first|1st|number one|top one)\b/, () => 0],
  [/\b(second|2nd|number two)\b/, () => 1],
  [/\b(third|3rd|number three)\b/, () => 2],
  [/\b(fourth|4th|number four)\b/, () => 3],
  [/\b(fifth|5th|number five)\b/, () => 4],
  [/\b(last|final) one\b|\bthe last\b/, (count) => count - 1],
];

/** The shown item an ordinal points at: "the second one", "the last one". */
export function findShownByOrdinal(shown: readonly ShownItem[], text: string): ShownItem | undefined {
  const lower = text.toLowerCase();
  for (const [pattern, index] of ORDINALS) {
    if (pattern.test(lower)) return shown[index(shown.length)];
  }
  return undefined;
}
