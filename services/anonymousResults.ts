/**
 * Non-personalised suggestions depend only on the request (and any "not interested" items), never on who
 * asks, so guests and opted-out customers asking the same thing share one computed result. Bounded, and
 * dropped whenever the recommender index changes (an order, a product's stock or price, segments) or is replaced.
 */
import { LRUCache } from 'lru-cache';
import type { SuggestionRequest, SuggestionResult } from '../domain/suggestions';
import { recommend } from '../recommender/ranking/recommend';
import type { RecommenderIndex } from '../recommender/ranking/recommenderIndex';
import type { RecommendationContext } from '../recommender/ranking/types';

const MAX_ENTRIES = 2000;

export class AnonymousResults {
  private index: RecommenderIndex | null = null;
  private revision = -1;
  private readonly results = new LRUCache<string, SuggestionResult>({ max: MAX_ENTRIES });

  get(index: RecommenderIndex, context: RecommendationContext, request: SuggestionRequest): SuggestionResult {
    if (index !== this.index || index.revision !== this.revision) {
      this.index = index;
      this.revision = index.revision;
      this.results.clear();
    }
    const key = JSON.stringify([{ ...request, customerId: null }, [...context.dismissed].sort()]);
    const known = this.results.get(key);
    if (known) return known;
    const result = recommend(index, context, request);
    this.results.set(key, result);
    return result;
  }
}
