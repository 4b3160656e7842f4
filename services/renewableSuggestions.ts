/**
 * A SuggestionService whose catalogue caches can be dropped when the shop changes the catalogue. The recommender
 * suggestion service keeps two: guests' shared results (dropped only when the index object is replaced, so an
 * out-of-stock product would keep being shown to guests) and the product finder (built once, so a new product could
 * not be found by name). It has no way to drop them, so `renew()` starts a fresh one; the reasons shown per
 * conversation are remembered here, so "why this?" still gets the reason an item was shown with across a renewal.
 * Workaround: once RecommenderSuggestionService can drop those caches itself, this wrapper can go.
 */
import type { SuggestionReason, SuggestionRequest, SuggestionResult } from '../domain/suggestions';
import type { SuggestionContext, SuggestionService } from './ports';
import { RecentReasons } from './recentReasons';

export class RenewableSuggestionService implements SuggestionService {
  private readonly reasons = new RecentReasons();
  private current: SuggestionService;

  constructor(private readonly create: () => SuggestionService) {
    this.current = create();
  }

  /** The next request is served by a fresh service (no cached guest results, a finder over the current catalogue). */
  renew(): void {
    this.current = this.create();
  }

  async suggest(context: SuggestionContext, request: SuggestionRequest): Promise<SuggestionResult> {
    const result = await this.current.suggest(context, request);
    this.reasons.remember(context.conversationId, result.items.map((i) => ({ productId: i.product.id, reason: i.reason })));
    return result;
  }

  async explain(context: SuggestionContext, productId: string): Promise<SuggestionReason | null> {
    return this.reasons.reasonFor(context.conversationId, productId) ?? this.current.explain(context, productId);
  }

  record(context: SuggestionContext, kind: 'shown' | 'opened' | 'dismissed', items: { productId: string; reason: string }[]): Promise<void> {
    return this.current.record(context, kind, items);
  }

  findProduct(text: string): Promise<{ id: string; name: string; price: number; currency: string } | null> {
    return this.current.findProduct(text);
  }
}
