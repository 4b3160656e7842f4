/**
 * The production entry point: business rules and request constraints around the shared scoring, a cap per
 * category for variety, and the reason of each item (its top contributing signal).
 */
import type { Suggestion, SuggestionReason, SuggestionRequest, SuggestionResult } from '../../domain/suggestions';
import { buildConstraints } from './constraints';
import { giftQuery, type GiftQuery } from './giftDemand';
import { reasonFor } from './reasons';
import type { RecommenderIndex } from './recommenderIndex';
import { rankedInFull, scoreItems, type ScoredCandidates } from './scoring';
import { DEFAULT_SCORING, type RecommendationContext, type ScoringParameters } from './types';

export const DEFAULT_LIMIT = 5;
/** Ranked rows read per requested item before ranking every candidate (the cap may skip some). */
const DEPTH_PER_ITEM = 8;

/** Items allowed per category: one requested category may fill the list; otherwise at most 40% (min 2) each. */
export function categoryCap(limit: number, requestedCategories: readonly string[]): number {
  if (requestedCategories.length > 0) return Math.ceil(limit / requestedCategories.length);
  return Math.max(2, Math.ceil(limit * 0.4));
}

export function recommend(
  index: RecommenderIndex, context: RecommendationContext, request: SuggestionRequest, params: ScoringParameters = DEFAULT_SCORING,
): SuggestionResult {
  const constraints = buildConstraints(index.catalog, request, context.dismissed);
  const limit = request.limit ?? DEFAULT_LIMIT;
  const cap = categoryCap(limit, constraints.requestedCategories);
  const gift = constraints.giftRequest ? giftQuery(index, request.budget, constraints.recipientMatches) : undefined;
  const query = { allowed: constraints.allowed, requested: constraints.requested, similarTo: constraints.similarTo, gift };
  let scored = scoreItems(index, context, { ...query, depth: limit * DEPTH_PER_ITEM }, params);
  let items = pick(index, context, scored, limit, cap, constraints.similarTo, gift);
  if (items.length < limit && scored.ranked.length >= limit * DEPTH_PER_ITEM) {
    scored = rankedInFull(scored, index);
    items = pick(index, context, scored, limit, cap, constraints.similarTo, gift);
  }
  scored.board.recycle(); // the suggestions hold no reference to the board: its buffer serves the next request
  return { items, personalized: context.personalized };
}

function pick(
  index: RecommenderIndex, context: RecommendationContext, scored: ScoredCandidates, limit: number, cap: number, similarTo: number | undefined,
  gift?: GiftQuery,
): Suggestion[] {
  const perCategory = new Map<string, number>();
  const items: Suggestion[] = [];
  for (const row of scored.ranked) {
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
  return items;
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
