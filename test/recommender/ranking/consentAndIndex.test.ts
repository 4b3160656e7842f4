import { recommend } from '../../../recommender/ranking/recommend';
import { RecommenderIndex } from '../../../recommender/ranking/recommenderIndex';
import type { SuggestionResult } from '../../../domain/suggestions';
import { buildIndex, context, GROUPS, orders, PRODUCTS } from './fixtures';

const PERSONAL_KINDS = ['repeat', 'co_purchase', 'segment_popular', 'country_popular', 'preference', 'persona', 'new_arrival'];
const summary = (result: SuggestionResult): [string, number, string][] => result.items.map((s) => [s.product.id, s.score, s.reason.text]);

describe('consent', () => {
  const index = buildIndex();
  const optedOut = context('anna', {
    personalized: false, segmentLabel: 'champions', country: 'United Kingdom', strategy: 'upsell_premium',
    preferences: { categories: ['kitchen_dining'], values: ['eco-friendly'], priceBand: 'premium' },
  });

  it('uses no history, segment, country or preference when personalisation is off', () => {
    const result = recommend(index, optedOut, { customerId: 'anna', limit: 6 });
    expect(result.personalized).toBe(false);
    expect(result.items.length).toBeGreaterThan(0);
    for (const item of result.items) expect(PERSONAL_KINDS).not.toContain(item.reason.kind);
    // Exactly what an anonymous shopper asking the same would get.
    expect(summary(result)).toEqual(summary(recommend(index, context(null), { customerId: null, limit: 6 })));
  });

  it('says the suggestion is based on shoppers overall', () => {
    const result = recommend(index, optedOut, { customerId: 'anna', limit: 3 });
    for (const item of result.items) expect(item.reason.text).toMatch(/shoppers overall/);
  });
});

describe('cold start', () => {
  const index = buildIndex();

  it('gives a guest the popular and trending items of the requested category', () => {
    const result = recommend(index, context(null), { customerId: null, categories: ['kitchen_dining'], limit: 3 });
    expect(result.items.map((s) => s.product.category)).toEqual(['kitchen_dining', 'kitchen_dining', 'kitchen_dining']);
    for (const item of result.items) expect(['popular', 'trending']).toContain(item.reason.kind);
    // k2 was bought by as many customers as k1 and more recently, and by more than k3 as recently: it leads.
    expect(result.items[0].product.id).toBe('k2');
  });

  it('gives a customer with no history group popularity and new arrivals', () => {
    const result = recommend(index, context('newbie', { segmentLabel: 'champions', country: 'United Kingdom' }), { customerId: 'newbie', limit: 5 });
    expect(result.items.length).toBe(5);
    expect(result.items.map((s) => s.reason.kind)).not.toContain('repeat');
  });
});

describe('index', () => {
  const customers = ['anna', 'ben', 'cara', 'dan', 'eve', 'newbie', null];

  function allResults(index: RecommenderIndex): [string, number, string][][] {
    return customers.map((id) => summary(recommend(index, context(id, GROUPS.get(id ?? '') ?? {}), { customerId: id, limit: 6 })));
  }

  it('is the same when built incrementally as when rebuilt', () => {
    const all = orders();
    const incremental = RecommenderIndex.build({ products: PRODUCTS, orders: all.slice(0, 4), customers: GROUPS });
    for (const later of all.slice(4)) incremental.addOrder(later);
    const rebuilt = RecommenderIndex.build({ products: PRODUCTS, orders: all, customers: GROUPS });
    expect(allResults(incremental)).toEqual(allResults(rebuilt));
  });

  it('changes suggestions when a new order arrives (the lists do not go stale)', () => {
    const index = buildIndex();
    const before = summary(recommend(index, context('ben'), { customerId: 'ben', limit: 6 }));
    index.addOrder({ id: 'late', customerId: 'ben', date: '2011-12-01T10:00:00.000Z', lines: [{ productId: 'x3', quantity: 1, unitPrice: 9 }] });
    const after = recommend(index, context('ben'), { customerId: 'ben', limit: 6 });
    expect(summary(after)).not.toEqual(before);
    expect(after.items.find((s) => s.product.id === 'x3')?.reason.kind).toBe('repeat');
  });

  it('ignores an order it has already seen', () => {
    const index = buildIndex();
    const before = allResults(index);
    index.addOrder(orders()[0]);
    expect(allResults(index)).toEqual(before);
  });

  it('is deterministic whatever the order of the catalogue', () => {
    const shuffled = RecommenderIndex.build({ products: [...PRODUCTS].reverse(), orders: orders(), customers: GROUPS });
    expect(allResults(shuffled)).toEqual(allResults(buildIndex()));
  });

  it('recounts segment popularity when segment labels change', () => {
    const index = buildIndex();
    index.setCustomerGroups(new Map([['ben', { segmentLabel: 'champions', country: 'France' }]]));
    expect(index.segmentPopularity.group('champions')?.get(index.catalog.indexOf('k2') ?? -1)).toBe(2);
    expect(index.segmentPopularity.group('loyal_customers')).toBeUndefined();
  });

  it('rejects an order with an invalid date', () => {
    const index = buildIndex();
    expect(() => index.addOrder({ id: 'bad', customerId: 'x', date: 'yesterday', lines: [] })).toThrow(/invalid date/);
  });
});
