/**
 * "What's your cheapest candle?", "your most expensive lantern": the shopper asks for an order by price, not for what
 * we would pick. Every item the request allows is a candidate (not only those a signal reached), ordered by price,
 * with the bestseller first among equal prices. Nothing personal decides it, and the reason says only what the order is.
 * Two narrowings keep the order meaningful: items whose names carry the words asked for ("candle") go before the rest
 * of their category (an incense holder), and a present is among items this shop's customers buy one at a time (as
 * presents are; giftDemand.ts), not a pencil sold by the hundred.
 */
import type { Product } from '../../domain/model';
import type { PriceOrder, SuggestionRequest, SuggestionResult } from '../../domain/suggestions';
import { wordForms } from '../../domain/words';
import { tokenize } from './catalog';
import type { RequestConstraints } from './constraints';
import type { RecommenderIndex } from './recommenderIndex';

const REASONS: Record<PriceOrder, string> = {
  lowest: 'Among our lowest prices for what you asked',
  highest: 'Among our highest prices for what you asked',
};

interface Candidate { item: number; product: Product }

export function byPrice(index: RecommenderIndex, constraints: RequestConstraints, request: SuggestionRequest, order: PriceOrder, limit: number): SuggestionResult {
  const { catalog, popularity, singleUnit } = index;
  const candidates: Candidate[] = [];
  const consider = (item: number): void => {
    const product = catalog.product(item);
    if (!product || !constraints.allowed(item)) return;
    if (constraints.giftRequest && singleUnit.get(item) <= 0) return;
    candidates.push({ item, product });
  };
  if (constraints.requested) for (const item of constraints.requested.keys()) consider(item);
  else for (let item = 0; item < catalog.size; item++) consider(item);
  const named = namedCandidates(index, candidates, request.keywords ?? []);
  const sign = order === 'lowest' ? 1 : -1;
  named.sort((a, b) => sign * (a.product.price - b.product.price) || popularity.get(b.item) - popularity.get(a.item) || a.item - b.item);
  return {
    items: named.slice(0, limit).map(({ product }, rank) => ({ product, score: 1 / (rank + 1), reason: { kind: 'request', text: REASONS[order] } })),
    personalized: false,
  };
}

/** The candidates whose names hold one of the words (or its plural or singular); all of them when none does. */
function namedCandidates(index: RecommenderIndex, candidates: Candidate[], keywords: readonly string[]): Candidate[] {
  const forms = new Set(keywords.flatMap(tokenize).flatMap(wordForms));
  if (forms.size === 0) return candidates;
  const named = candidates.filter(({ item }) => index.catalog.nameTokens(item).some((token) => forms.has(token)));
  return named.length > 0 ? named : candidates;
}
