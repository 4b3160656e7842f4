/**
 * Suggestions for a conversation: builds the recommender's plain-data context from the customer's current
 * record, runs the pure recommender, and records shown / opened / dismissed events with the segment at the time.
 * This is the one consent gate: the customer is read from the store once per turn (the turn's memo, see
 * customerReads.ts), so an opt-out made on any instance applies to the next turn's suggestions, whatever the
 * conversation's copy of the profile says; without personalisation consent the recommender never sees the id.
 */
import type { CatalogRepository, CustomerRepository, SuggestionEventRepository } from '../data/ports';
import type { SuggestionReason, SuggestionResult } from '../domain/suggestions';
import { explain, recommend } from '../recommender/ranking/recommend';
import type { RecommenderIndex } from '../recommender/ranking/recommenderIndex';
import type { RecommendationContext } from '../recommender/ranking/types';
import { newId } from './ids';
import type { SuggestionContext, SuggestionQuery, SuggestionService } from './ports';
import { CustomerReads } from './customerReads';
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
  /** The turn's memo of customer reads, shared with identification (default: one of its own). */
  reads?: CustomerReads;
}

export class RecommenderSuggestionService implements SuggestionService {
  private readonly reasons = new RecentReasons();
  private readonly anonymous = new AnonymousResults();
  /** Built from the stored catalogue; rebuilt when the index's catalogue has changed since (a shop update). */
  private finder: { finder: ProductFinder; index: RecommenderIndex; revision: number } | null = null;
  private refreshing = false;
  private readonly reads: CustomerReads;

  constructor(private readonly deps: SuggestionDeps) {
    this.reads = deps.reads ?? new CustomerReads(async (id) => {
      const [customer, events] = await Promise.all([deps.customers.get(id), deps.events.forCustomer(id)]);
      return { customer, segment: undefined, dismissedProductIds: events.filter((e) => e.kind === 'dismissed').map((e) => e.productId) };
    });
  }

  async suggest(context: SuggestionContext, query: SuggestionQuery): Promise<SuggestionResult> {
    const recommendationContext = await this.recommendationContext(context);
    // The id the recommender sees is the gate's answer: null for guests and for customers without consent.
    const request = { ...query, customerId: recommendationContext.customerId };
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
    const customerId = context.profile?.customerId;
    if (kind === 'dismissed' && customerId) await this.reads.noteDismissed(customerId, items.map((i) => i.productId));
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
    const snapshot = profile ? await this.reads.snapshot(profile.customerId) : undefined;
    const customer = snapshot?.customer;
    if (!profile || !snapshot || !customer || customer.erasedAt) return { customerId: null, personalized: false, dismissed: [] };
    const dismissed = snapshot.dismissedProductIds;
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
