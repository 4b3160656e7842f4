/**
 * Occasions shoppers name, mapped onto catalogue categories and keywords. An item fits an occasion when it is
 * in one of its categories or matches one of its keywords. "gift" fits everything (the whole shop is gifts).
 */
import type { Audience } from '../../domain/suggestions';

export interface OccasionFilter {
  categories: string[];
  keywords: string[];
}

const OCCASIONS: Record<string, OccasionFilter | null> = {
  gift: null,
  present: null,
  christmas: { categories: ['christmas'], keywords: ['christmas', 'xmas', 'advent', 'festive'] },
  xmas: { categories: ['christmas'], keywords: ['christmas', 'xmas', 'advent', 'festive'] },
  birthday: { categories: ['party'], keywords: ['birthday', 'cake'] },
  party: { categories: ['party'], keywords: ['party'] },
  wedding: { categories: [], keywords: ['wedding', 'love', 'heart'] },
  anniversary: { categories: [], keywords: ['love', 'heart'] },
  valentine: { categories: [], keywords: ['love', 'heart', 'valentine'] },
  easter: { categories: [], keywords: ['easter', 'egg', 'bunny', 'chick'] },
  halloween: { categories: [], keywords: ['halloween', 'skull', 'witch'] },
  baby: { categories: [], keywords: ['baby', 'babies'] },
  'mothers day': { categories: [], keywords: ['mum', 'mother', 'flower'] },
  'fathers day': { categories: [], keywords: ['dad', 'father'] },
};

/** Occasions that ask for a present (nothing narrows the catalogue; what sells as a present is learnt from orders). */
const GIFT_OCCASIONS = new Set(['gift', 'present']);

/**
 * Words that name who a present is for ("for my mum"). In a gift request they do not narrow the catalogue (a mum's
 * present need not say "mum" on it): items naming them only rank higher where the orders show them selling singly
 * near the budget (giftDemand.ts).
 */
const RECIPIENT_WORDS = new Set([
  'mum', 'mom', 'mother', 'mummy', 'dad', 'father', 'daddy', 'nan', 'nana', 'gran', 'granny', 'grandma', 'grandad', 'grandpa',
  'wife', 'husband', 'sister', 'brother', 'daughter', 'son', 'aunt', 'auntie', 'uncle', 'friend', 'teacher', 'boyfriend', 'girlfriend',
]);

/** Name words that mark goods made for an age group, and the neighbours that undo them ("Baby Pink", "Dog Toy"). */
export interface AudienceWords {
  words: ReadonlySet<string>;
  /** A word followed by one of these is a colour, not the age group. */
  notBefore: ReadonlySet<string>;
  /** A word after one of these is for an animal. */
  notAfter: ReadonlySet<string>;
}

/**
 * The catalogue's words for goods made for an age group ("Childrens Umbrella", "Kids Rain Mac", "Soft Toy", "Baby
 * Gift Set"): a child's present is chosen among items whose names say so (names only: a "toys & games" category
 * also holds sewing boxes).
 */
const AUDIENCES: Record<Audience, AudienceWords> = {
  child: { words: new Set(['child', 'childs', 'children', 'childrens', 'kid', 'kids', 'toy', 'toys']), notBefore: new Set(), notAfter: new Set(['dog', 'cat', 'pet']) },
  baby: { words: new Set(['baby', 'babies', 'babys']), notBefore: new Set(['pink', 'blue']), notAfter: new Set() },
};

export function audienceWords(audience: Audience): AudienceWords {
  return AUDIENCES[audience];
}

export function isRecipientWord(keyword: string): boolean {
  return RECIPIENT_WORDS.has(keyword.toLowerCase().trim().replace(/s$/, ''));
}

export function isGiftOccasion(occasion: string): boolean {
  return GIFT_OCCASIONS.has(occasion.toLowerCase().trim());
}

/** The filter for an occasion; null when it does not narrow the catalogue. Unknown occasions filter on their own words. */
export function occasionFilter(occasion: string): OccasionFilter | null {
  const key = occasion.toLowerCase().replace(/['’]/g, '').replace(/\s+/g, ' ').trim();
  if (key in OCCASIONS) return OCCASIONS[key];
  const words = key.split(' ').filter((w) => w.length > 2);
  return words.length > 0 ? { categories: [], keywords: words } : null;
}
