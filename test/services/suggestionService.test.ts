/**
 * RecommenderSuggestionService over the full committed seed (one store and one recommender index for the
 * file, built as the app builds them). Each test works on its own customer and conversations.
 */
import { buildRecommenderIndex } from '../../bot/buildServices';
import type { Repositories } from '../../data/ports';
import { DEMO_CUSTOMERS } from '../../data/seed/demoCustomers';
import type { ReasonKind } from '../../domain/suggestions';
import type { RecommenderIndex } from '../../recommender/ranking/recommenderIndex';
import { StoreIdentityService } from '../../services/identityService';
import { silentLogger } from '../support/silentLogger';
import type { CustomerProfile, SuggestionContext, SuggestionQuery } from '../../services/ports';
import { StorePrivacyService } from '../../services/privacyService';
import { RecommenderSuggestionService } from '../../services/suggestionService';
import { createStoreTemplate, personaOf, TEST_NOW, type StoreTemplate, type TestStore } from './serviceStore';

const [ALICE, PRIYA, JONAS] = DEMO_CUSTOMERS;
/** Reasons that can only come from the customer's own purchases. */
const HISTORY_KINDS: readonly ReasonKind[] = ['repeat', 'co_purchase'];
/** Reasons that use anything personal (history, segment, country, stated preferences, persona). */
const PERSONAL_KINDS: readonly ReasonKind[] = [...HISTORY_KINDS, 'segment_popular', 'country_popular', 'preference', 'persona'];

let template: StoreTemplate;
let t: TestStore;
let r: Repositories;
let index: RecommenderIndex;
let identity: StoreIdentityService;
let suggestions: RecommenderSuggestionService;
let privacy: StorePrivacyService;

beforeAll(async () => {
  template = await createStoreTemplate();
  t = await template.fresh();
  r = t.store.repositories;
  index = await buildRecommenderIndex(r);
  identity = new StoreIdentityService({
    customers: r.customers, orders: r.orders, segments: r.segments, locks: r.locks, audit: r.audit,
    personaOf, identitySecret: 'suggestion-test-secret-suggestion-test', maxTokenTtlSeconds: 3600, log: silentLogger,
  });
  suggestions = new RecommenderSuggestionService({
    catalog: r.catalog, customers: r.customers, events: r.suggestionEvents, index: () => index, now: () => TEST_NOW,
  });
  const consoleStore = await t.openConsoleStore();
  privacy = new StorePrivacyService({ repositories: r, transcripts: consoleStore.transcripts, onErased: async () => { index = await buildRecommenderIndex(r); } });
});
afterAll(async () => { await template.dispose(); });

async function contextFor(customerId: string | null, conversationId: string): Promise<SuggestionContext> {
  if (customerId === null) return { conversationId, profile: null };
  const profile: CustomerProfile | null = await identity.profile(customerId);
  if (!profile) throw new Error(`customer ${customerId} missing from the seed`);
  return { conversationId, profile };
}

const kinds = (items: { reason: { kind: ReasonKind } }[]) => items.map((i) => i.reason.kind);
/** The dialog asks for what the shopper wants; who they are (and their consent) the service reads itself. */
const request = (_context: SuggestionContext, more: SuggestionQuery = {}): SuggestionQuery => ({ ...more });

describe('personalisation', () => {
  it.each(DEMO_CUSTOMERS.map((c) => [c.displayName, c.id]))('%s gets personalised suggestions drawn from their history', async (_name, id) => {
    const context = await contextFor(id, `conv-personal-${id}`);
    const result = await suggestions.suggest(context, request(context));
    expect(result.personalized).toBe(true);
    expect(result.items).toHaveLength(5);
    expect(kinds(result.items).some((k) => HISTORY_KINDS.includes(k))).toBe(true);
    const bought = new Set((await r.orders.forCustomer(id)).flatMap((o) => o.lines.map((l) => l.productId)));
    const repeats = result.items.filter((i) => i.reason.kind === 'repeat');
    expect(repeats.every((i) => bought.has(i.product.id))).toBe(true);
  });

  it('guests get non-personalised suggestions', async () => {
    const context = await contextFor(null, 'conv-guest');
    const result = await suggestions.suggest(context, request(context));
    expect(result.personalized).toBe(false);
    expect(result.items.length).toBeGreaterThan(0);
    expect(kinds(result.items).filter((k) => PERSONAL_KINDS.includes(k))).toEqual([]);
  });

  it('an opt-out applies to the very next suggestion, even with the profile the conversation already holds', async () => {
    const context = await contextFor(PRIYA.id, 'conv-opt-out');
    expect((await suggestions.suggest(context, request(context))).personalized).toBe(true);

    await privacy.setConsent(PRIYA.id, 'personalization', false);
    expect(context.profile?.consent.personalization).toBe(true);
    const after = await suggestions.suggest(context, request(context));
    expect(after.personalized).toBe(false);
    expect(kinds(after.items).filter((k) => PERSONAL_KINDS.includes(k))).toEqual([]);
    // Same items a guest would get: nothing about Priya was used.
    const guest = await suggestions.suggest(await contextFor(null, 'conv-guest-compare'), {});
    expect(after.items.map((i) => i.product.id)).toEqual(guest.items.map((i) => i.product.id));

    await privacy.setConsent(PRIYA.id, 'personalization', true);
    expect((await suggestions.suggest(context, request(context))).personalized).toBe(true);
  });

  it('an erased customer is served like a guest, even with a stale profile', async () => {
    const someone = (await r.customers.list()).find((c) => !DEMO_CUSTOMERS.some((d) => d.id === c.id) && !c.erasedAt);
    if (!someone) throw new Error('the seed has no other customer');
    const context = await contextFor(someone.id, 'conv-erased');
    await privacy.erase(someone.id);
    const result = await suggestions.suggest(context, request(context));
    expect(result.personalized).toBe(false);
    expect(kinds(result.items).filter((k) => PERSONAL_KINDS.includes(k))).toEqual([]);
  });
});

describe('recording what was shown, opened and dismissed', () => {
  it.each([
    ['an identified customer', ALICE.id],
    ['a guest', null],
  ])('stores events for %s with the segment at the time', async (_name, customerId) => {
    const conversationId = `conv-record-${customerId ?? 'guest'}`;
    const context = await contextFor(customerId, conversationId);
    const shown = (await suggestions.suggest(context, request(context, { limit: 2 }))).items;
    const items = shown.map((i) => ({ productId: i.product.id, reason: i.reason.text }));
    await suggestions.record(context, 'shown', items);
    await suggestions.record(context, 'opened', items.slice(0, 1));
    await suggestions.record(context, 'dismissed', []);

    const stored = (await r.suggestionEvents.list()).filter((e) => e.conversationId === conversationId);
    const segment = context.profile ? context.profile.segment : null;
    expect(stored).toEqual([
      ...items.map((i) => ({ id: expect.stringMatching(/^ev-/), conversationId, customerId, productId: i.productId, kind: 'shown', reason: i.reason, segment, at: TEST_NOW.toISOString() })),
      expect.objectContaining({ kind: 'opened', productId: items[0].productId, segment }),
    ]);
    if (segment) expect(segment.rfmLabel).not.toBe('no_history');
  });

  it('never suggests a dismissed product to that customer again, whatever is asked', async () => {
    const context = await contextFor(JONAS.id, 'conv-dismiss');
    const [top] = (await suggestions.suggest(context, request(context))).items;
    await suggestions.record(context, 'dismissed', [{ productId: top.product.id, reason: top.reason.text }]);

    const nameWord = top.product.name.toLowerCase().split(' ').find((w) => w.length > 3) ?? top.product.name;
    const later = await contextFor(JONAS.id, 'conv-dismiss-later');
    const asks: Partial<SuggestionQuery>[] = [{}, { limit: 20 }, { categories: [top.product.category] }, { keywords: [nameWord] }];
    for (const ask of asks) {
      for (const ctx of [context, later]) {
        const ids = (await suggestions.suggest(ctx, request(ctx, ask))).items.map((i) => i.product.id);
        expect(ids).not.toContain(top.product.id);
      }
    }
    // Other shoppers still see it.
    const guest = await contextFor(null, 'conv-dismiss-guest');
    expect((await suggestions.suggest(guest, { keywords: [nameWord], limit: 20 })).items.length).toBeGreaterThan(0);
  });
  it('keeps a dismissal after an opt-out of personalisation: "not interested" is an instruction, not profiling', async () => {
    const someone = (await r.customers.list()).find((c) => !DEMO_CUSTOMERS.some((d) => d.id === c.id) && !c.erasedAt && c.consent.personalization);
    if (!someone) throw new Error('the seed has no other customer');
    await privacy.setConsent(someone.id, 'personalization', false);
    const context = await contextFor(someone.id, 'conv-opted-out-dismiss');
    const [top] = (await suggestions.suggest(context, request(context))).items;
    await suggestions.record(context, 'dismissed', [{ productId: top.product.id, reason: top.reason.text }]);

    const after = await suggestions.suggest(context, request(context));
    expect(after.personalized).toBe(false);
    expect(after.items.map((i) => i.product.id)).not.toContain(top.product.id);
    const guest = await suggestions.suggest(await contextFor(null, 'conv-guest-after-dismiss'), {});
    expect(guest.items.map((i) => i.product.id)).toContain(top.product.id);
  });
});

describe('request constraints, explanations and product lookup', () => {
  it.each<[string, { min?: number; max: number }]>([
    ['under £3', { max: 3 }],
    ['between £5 and £10', { min: 5, max: 10 }],
  ])('respects a budget %s', async (_name, budget) => {
    for (const customerId of [ALICE.id, null]) {
      const context = await contextFor(customerId, `conv-budget-${customerId ?? 'guest'}`);
      const result = await suggestions.suggest(context, request(context, { budget }));
      expect(result.items.length).toBeGreaterThan(0);
      for (const item of result.items) {
        expect(item.product.price).toBeLessThanOrEqual(budget.max);
        expect(item.product.price).toBeGreaterThanOrEqual(budget.min ?? 0);
      }
    }
  });

  it('explains a shown item with the reason it was shown, and scores it again where that is not in memory', async () => {
    const context = await contextFor(ALICE.id, 'conv-explain');
    const { items } = await suggestions.suggest(context, request(context));
    for (const item of items) expect(await suggestions.explain(context, item.product.id)).toEqual(item.reason);
    // Where the shown reason is not in memory (another conversation, a restart), the recommender scores the item again.
    expect(await suggestions.explain(await contextFor(ALICE.id, 'conv-other'), items[0].product.id)).toEqual(items[0].reason);
    const notShown = (await r.catalog.list()).find((p) => !items.some((i) => i.product.id === p.id));
    expect(await suggestions.explain(context, notShown?.id ?? '')).toBeNull();
  });

  it.each([
    ['the lantern', (found: { name: string } | null) => expect(found?.name.toLowerCase()).toContain('lantern')],
    ['more like the white hanging heart', (found: { name: string } | null) => expect(found?.name).toBe('White Hanging Heart T-Light Holder')],
    ['85123A', (found: { id: string } | null) => expect(found?.id).toBe('85123A')],
    [' 85123a ', (found: { id: string } | null) => expect(found?.id).toBe('85123A')],
    ['florbish wuzzle', (found: unknown) => expect(found).toBeNull()],
    ['the', (found: unknown) => expect(found).toBeNull()],
    ['', (found: unknown) => expect(found).toBeNull()],
  ])('findProduct(%j)', async (text, check) => {
    const found = await suggestions.findProduct(text);
    check(found);
    if (found) expect(await r.catalog.get(found.id)).toMatchObject({ name: found.name, price: found.price, currency: found.currency });
  });
});

describe('model refits stay off the request path', () => {
  it('answers from the last EASE fit right after an order and refits once the turn has replied', async () => {
    const context = await contextFor(ALICE.id, 'conv-refit');
    const productId = (await r.catalog.list())[0].id;
    index.addOrder({ id: 'refit-test-order', customerId: 'refit-test-customer', date: TEST_NOW.toISOString(), lines: [{ productId, quantity: 1, unitPrice: 1 }] });
    expect(index.modelsStale).toBe(true);
    const result = await suggestions.suggest(context, request(context));
    expect(result.items.length).toBeGreaterThan(0);
    expect(index.modelsStale).toBe(true); // the request did not wait for the refit
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(index.modelsStale).toBe(false);
  });
});
