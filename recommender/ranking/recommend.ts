/**
 * The production entry point: business rules and request constraints around the shared scoring, a cap per
 * category for variety, and the reason of each item (its top contributing signal).
 */
import type { Suggestion, SuggestionReason, SuggestionRequest, SuggestionResult } from '../../domain/suggestions';
import { buildConstraints } from './constraints';
import { giftQuery, type GiftQuery } from './giftDemand';
import { byPrice } from './priceOrder';
import { reasonFor } from './reasons';
import type { RecommenderIndex } from './recommenderIndex';
import { rankedInFull, scoreItems, type ScoredCandidates } from './scoring';
import { DEFAULT_SCORING, type RecommendationContext, type ScoringParameters } from './types';

export const DEFAULT_LIMIT = 5;
/** Ranked rows read per requested item before ranking deeper (the cap may skip some). */
const DEPTH_PER_ITEM = 8;
/** Each deeper ranking reads this many times more rows. */
const DEEPER = 4;

/**
 * Items allowed per category: one requested category may fill the list, and so may things the shopper narrowed down
 * themselves, by name, colour or age group ("hot water bottles" and "a pink present for a 6 year old" mostly share a
 * category); otherwise at most 40% (min 2) each.
 */
export function categoryCap(limit: number, requestedCategories: readonly string[], narrowedByShopper = false): number {
  if (narrowedByShopper) return limit;
  if (requestedCategories.length > 0) return Math.ceil(limit / requestedCategories.length);
  return Math.max(2, Math.ceil(limit * 0.4));
}

export function recommend(
  index: RecommenderIndex, context: RecommendationContext, request: SuggestionRequest, params: ScoringParameters = DEFAULT_SCORING,
): SuggestionResult {
  const constraints = buildConstraints(index.catalog, request, context.dismissed);
  const limit = request.limit ?? DEFAULT_LIMIT;
  if (request.priceOrder) return byPrice(index, constraints, request, request.priceOrder, limit);
  const narrowed = (request.keywords?.length ?? 0) > 0 || (request.colours?.length ?? 0) > 0 || request.audience !== undefined;
  const cap = categoryCap(limit, constraints.requestedCategories, narrowed);
  const gift = constraints.giftRequest ? giftQuery(index, request.budget, constraints.recipientMatches) : undefined;
  const query = { allowed: constraints.allowed, requested: constraints.requested, similarTo: constraints.similarTo, gift };
  let depth = limit * DEPTH_PER_ITEM;
  let scored = scoreItems(index, context, { ...query, depth }, params);
  const picked: Picked = { items: [], perCategory: new Map(), read: 0 };
  pick(index, context, scored, picked, limit, cap, constraints.similarTo, gift);
  // The first rows did not fill the list (the category cap skipped some): rank deeper, a few times more rows at a time
  // (a deeper ranking starts with the rows already read, so picking goes on where it stopped).
  while (picked.items.length < limit && scored.ranked.length >= depth) {
    depth *= DEEPER;
    scored = rankedInFull(scored, index, depth);
    pick(index, context, scored, picked, limit, cap, constraints.similarTo, gift);
  }
  scored.board.recycle(); // the suggestions hold no reference to the board: its buffer serves the next request
  return { items: picked.items, personalized: context.personalized };
}

/** What picking has taken so far, and how many ranked rows it has read. */
interface Picked {
  items: Suggestion[];
  perCategory: Map<string, number>;
  read: number;
}

function pick(
  index: RecommenderIndex, context: RecommendationContext, scored: ScoredCandidates, picked: Picked, limit: number, cap: number,
  similarTo: number | undefined, gift?: GiftQuery,
): void {
  const { perCategory, items } = picked;
  for (; picked.read < scored.ranked.length; picked.read++) {
    const row = scored.ranked[picked.read];
    if (items.length >= limit) break;
    const product = index.catalog.product(scored.board.items[row]);
    if (!product) continue;
    const used = perCategory.get(product.category) ?? 0;
    if (used >= cap) continue;
    perCategory.set(product.category, used + 1);
    const kind = scored.board.topSignal(row);
    const reason = reasonFor(index, context, { kind, product, source: scored.board.sourceOf(row, kind), similarTo, gift });
    items.push({ product, score: scored.totals[row], reason });
  }
}

/**
 * "Why this?": the reason `productId` gets for this customer on an open request (its top contributing signal),
 * or null when no signal supports it (it would not be suggested).
 */
export function explain(
  index: RecommenderIndex, context: RecommendationContext, productId: string, params: ScoringParameters = DEFAULT_SCORING,
): SuggestionReason | null {
  const item = index.catalog.indexOf(productId);
  const product = item === undefined ? null : index.catalog.product(item);
  if (item === undefined || !product) return null;
  const constraints = buildConstraints(index.catalog, { customerId: context.customerId }, context.dismissed);
  const scored = scoreItems(index, context, { allowed: constraints.allowed }, params);
  const row = scored.ranked.find((r) => scored.board.items[r] === item);
  const kind = row === undefined ? null : scored.board.topSignal(row);
  const source = row === undefined || kind === null ? -1 : scored.board.sourceOf(row, kind);
  scored.board.recycle();
  return kind === null ? null : reasonFor(index, context, { kind, product, source });
}
