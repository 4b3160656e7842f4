/** In-memory suggestion, feedback, privacy and handoff services with real (small) logic, for dialog tests. */
import type { Consent, Product } from '../../../domain/model';
import type { Suggestion, SuggestionReason, SuggestionResult } from '../../../domain/suggestions';
import type {
  FeedbackService, HandoffService, PrivacyService, Services, SuggestionContext, SuggestionQuery, SuggestionService, SurveyAnswers,
} from '../../../services/ports';
import { CATALOGUE, demoCustomers } from './fakeCustomers';
import { FakeIdentityService } from './fakeIdentity';

export interface RecordedEvent { kind: 'shown' | 'opened' | 'dismissed'; productId: string; customerId: string | null }

export class FakeSuggestionService implements SuggestionService {
  readonly events: RecordedEvent[] = [];
  readonly requests: SuggestionQuery[] = [];
  /** Who asked: the consent gate is the service's, on the profile the dialog passes. */
  readonly contexts: SuggestionContext[] = [];
  private readonly reasons = new Map<string, SuggestionReason>();

  async suggest(context: SuggestionContext, request: SuggestionQuery): Promise<SuggestionResult> {
    this.requests.push(request);
    this.contexts.push(context);
    const personalized = context.profile?.consent.personalization === true;
    const similar = request.similarTo ? CATALOGUE.find((p) => p.id === request.similarTo) : undefined;
    const matches = CATALOGUE.filter((p) => !request.exclude?.includes(p.id))
      .filter((p) => !similar || p.category === similar.category)
      // A named category or keyword matches softly: either is enough, as in a real recommender.
      .filter((p) => (!request.categories?.length && !request.keywords?.length)
        || request.categories?.includes(p.category)
        || request.keywords?.some((k) => p.tags.includes(k) || p.name.toLowerCase().includes(k)))
      .filter((p) => request.budget?.max === undefined || p.price <= request.budget.max)
      .filter((p) => request.budget?.min === undefined || p.price >= request.budget.min);
    const items: Suggestion[] = matches.slice(0, request.limit ?? 5).map((product, rank) => {
      const reason = this.reasonFor(product, similar, personalized, context);
      this.reasons.set(product.id, reason);
      return { product, score: 1 - rank / 10, reason };
    });
    return { items, personalized };
  }

  private reasonFor(product: Product, similar: Product | undefined, personalized: boolean, context: SuggestionContext): SuggestionReason {
    if (similar) return { kind: 'similar_to', text: `Similar to the ${similar.name}` };
    if (personalized && context.profile?.preferences.categories.includes(product.category)) {
      return { kind: 'preference', text: 'Matches a category you like' };
    }
    return { kind: 'popular', text: 'Popular with shoppers this month' };
  }

  async explain(_context: SuggestionContext, productId: string): Promise<SuggestionReason | null> {
    return this.reasons.get(productId) ?? null;
  }

  async record(context: SuggestionContext, kind: RecordedEvent['kind'], items: { productId: string; reason: string }[]): Promise<void> {
    for (const item of items) this.events.push({ kind, productId: item.productId, customerId: context.profile?.customerId ?? null });
  }

  async findProduct(text: string): Promise<{ id: string; name: string; price: number; currency: string } | null> {
    const words = text.toLowerCase().split(/\W+/).filter((w) => w.length >= 4);
    const found = CATALOGUE.find((p) => p.id === text.trim() || words.some((w) => p.name.toLowerCase().includes(w)));
    return found ? { id: found.id, name: found.name, price: found.price, currency: found.currency } : null;
  }
}

export class FakeFeedbackService implements FeedbackService {
  readonly submitted: { customerId: string | null; answers: SurveyAnswers; at: number }[] = [];
  constructor(private readonly now: () => number = Date.now) {}

  async canOffer(customerId: string | null): Promise<boolean> {
    if (customerId === null) return true;
    const monthAgo = this.now() - 30 * 24 * 3600_000;
    return !this.submitted.some((f) => f.customerId === customerId && f.at > monthAgo);
  }

  async submit(context: SuggestionContext, answers: SurveyAnswers): Promise<void> {
    this.submitted.push({ customerId: context.profile?.customerId ?? null, answers, at: this.now() });
  }
}

export class FakePrivacyService implements PrivacyService {
  readonly erased: string[] = [];
  constructor(private readonly identity: FakeIdentityService) {}

  private customer(customerId: string) {
    const customer = this.identity.customers.find((c) => c.profile.customerId === customerId);
    if (!customer) throw new Error(`unknown customer ${customerId}`);
    return customer;
  }

  async setConsent(customerId: string, topic: 'marketing' | 'personalization', granted: boolean): Promise<Consent> {
    const customer = this.customer(customerId);
    customer.profile.consent = { ...customer.profile.consent, [topic]: granted, updatedAt: new Date().toISOString() };
    return { ...customer.profile.consent };
  }

  async exportData(customerId: string): Promise<Record<string, unknown>> {
    const customer = this.customer(customerId);
    return { customer: { ...customer.profile, email: customer.email }, orders: customer.orderNumbers.map((id) => ({ id })), feedback: [] };
  }

  async erase(customerId: string): Promise<void> {
    this.identity.customers.splice(this.identity.customers.indexOf(this.customer(customerId)), 1);
    this.erased.push(customerId);
  }
}

export class FakeHandoffService implements HandoffService {
  readonly requests: { conversationId: string; customerId: string | null; reason: string }[] = [];
  /** Set to play a request outside staffed hours. */
  offline: { hours: string; timeZone: string } | undefined;
  async request(conversationId: string, customerId: string | null, reason: string): Promise<{ handoffId: string; offline?: { hours: string; timeZone: string } }> {
    this.requests.push({ conversationId, customerId, reason });
    return { handoffId: `H-${this.requests.length}`, offline: this.offline };
  }
}

export interface FakeServices extends Services {
  identity: FakeIdentityService;
  suggestions: FakeSuggestionService;
  feedback: FakeFeedbackService;
  privacy: FakePrivacyService;
  handoff: FakeHandoffService;
}

export function createFakeServices(now?: () => number): FakeServices {
  const identity = new FakeIdentityService(demoCustomers(), now);
  return {
    identity,
    suggestions: new FakeSuggestionService(),
    feedback: new FakeFeedbackService(),
    privacy: new FakePrivacyService(identity),
    handoff: new FakeHandoffService(),
  };
}
