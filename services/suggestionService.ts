/**
 * Suggestions for a conversation: builds the recommender's plain-data context from the customer's current
 * record (consent is re-read on every request so an opt-out applies to the very next suggestion), runs the
 * pure recommender, and records shown / opened / dismissed events with the segment at the time.
 */
import type { CatalogRepository, CustomerRepository, SuggestionEventRepository } from '../data/ports';
import type { SuggestionReason, SuggestionRequest, SuggestionResult } from '../domain/suggestions';
import { explain, recommend } from '../recommender/ranking/recommend';
import type { RecommenderIndex } from '../recommender/ranking/recommenderIndex';
import type { RecommendationContext } from '../recommender/ranking/types';
import { newId } from './ids';
import type { SuggestionContext, SuggestionService } from './ports';
import { ProductFinder } from './productFinder';
import { RecentReasons } from './recentReasons';
import { AnonymousResults } from './anonymousResults';
import { turnNow } from './experiments/turnClock';

export interface SuggestionDeps {
  catalog: CatalogRepository;
  customers: CustomerRepository;
  events: SuggestionEventRepository;
  /** The current recommender index (it may be rebuilt, e.g. after an erasure). */
  index: () => RecommenderIndex;
  now?: () => Date;
}

export class RecommenderSuggestionService implements SuggestionService {
  private readonly reasons = new RecentReasons();
  private readonly anonymous = new AnonymousResults();
  /** Built from the stored catalogue; rebuilt when the index's catalogue has changed since (a shop update). */
  private finder: { finder: ProductFinder; index: RecommenderIndex; revision: number } | null = null;
  private refreshing = false;

  constructor(private readonly deps: SuggestionDeps) {}

  async suggest(context: SuggestionContext, request: SuggestionRequest): Promise<SuggestionResult> {
    const recommendationContext = await this.recommendationContext(context);
    const index = this.deps.index();
    // A request never waits for a model fit: it reads the last fit, and a stale one is refitted after the reply.
    index.deferModelFits = true;
    const result = recommendationContext.personalized
      ? recommend(index, recommendationContext, request)
      : this.anonymous.get(index, recommendationContext, request);
    this.refreshInBackground(index);
    this.reasons.remember(context.conversationId, result.items.map((i) => ({ productId: i.product.id, reason: i.reason })));
    return result;
  }

  /** The reason the item was shown with; after a restart (memory empty) the recommender scores it again. */
  async explain(context: SuggestionContext, productId: string): Promise<SuggestionReason | null> {
    const remembered = this.reasons.reasonFor(context.conversationId, productId);
    if (remembered) return remembered;
    const recommendationContext = await this.recommendationContext(context);
    const index = this.deps.index();
    index.deferModelFits = true;
    return explain(index, recommendationContext, productId);
  }

  async record(context: SuggestionContext, kind: 'shown' | 'opened' | 'dismissed', items: { productId: string; reason: string }[]): Promise<void> {
    if (items.length === 0) return;
    const at = (this.deps.now?.() ?? turnNow()).toISOString();
    await this.deps.events.add(items.map((item) => ({
      id: newId('ev'),
      conversationId: context.conversationId,
      customerId: context.profile?.customerId ?? null,
      productId: item.productId,
      kind,
      reason: item.reason,
      segment: context.profile?.segment ?? null,
      at,
    })));
  }

  async findProduct(text: string): Promise<{ id: string; name: string; price: number; currency: string } | null> {
    const index = this.deps.index();
    const revision = index.catalog.revision;
    if (this.finder?.index !== index || this.finder.revision !== revision) {
      this.finder = { finder: new ProductFinder(await this.deps.catalog.list()), index, revision };
    }
    return this.finder.finder.find(text);
  }

  /** Refits the index's stale models once the current turn has replied (one refit at a time per service). */
  private refreshInBackground(index: RecommenderIndex): void {
    if (!index.modelsStale || this.refreshing) return;
    this.refreshing = true;
    setTimeout(() => {
      try {
        index.refreshModels();
      } catch {
        // A failed refit keeps the last model serving; the next request after an order tries again.
      } finally {
        this.refreshing = false;
      }
    }, 0).unref();
  }

  private async recommendationContext(context: SuggestionContext): Promise<RecommendationContext> {
    const profile = context.profile;
    const customer = profile ? await this.deps.customers.get(profile.customerId) : undefined;
    if (!profile || !customer || customer.erasedAt) return { customerId: null, personalized: false, dismissed: [] };
    const events = await this.deps.events.forCustomer(customer.id);
    const dismissed = events.filter((e) => e.kind === 'dismissed').map((e) => e.productId);
    if (!customer.consent.personalization) {
      // Opted out: only the explicit request and overall popularity. "Not interested" is such an explicit
      // instruction, not profiling, so it still holds.
      return { customerId: null, personalized: false, dismissed };
    }
    return {
      customerId: customer.id,
      personalized: true,
      segmentLabel: profile.segment.rfmLabel,
      // An experiment variant may try another strategy for this customer.
      strategy: context.treatment?.strategy ?? profile.persona.strategy,
      country: customer.country,
      preferences: customer.preferences,
      dismissed,
    };
  }
}
