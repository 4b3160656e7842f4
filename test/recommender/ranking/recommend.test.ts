import { recommend, categoryCap, explain } from '../../../recommender/ranking/recommend';
import { scoreItems } from '../../../recommender/ranking/scoring';
import { buildConstraints } from '../../../recommender/ranking/constraints';
import { SIGNALS } from '../../../recommender/ranking/types';
import { reasonFor, reasonKindOf } from '../../../recommender/ranking/reasons';
import { buildIndex, context } from './fixtures';

const ids = (result: ReturnType<typeof recommend>): string[] => result.items.map((s) => s.product.id);

describe('recommend: business rules', () => {
  const index = buildIndex();

  it('never suggests an out-of-stock product, even one the customer bought', () => {
    const result = recommend(index, context('gus'), { customerId: 'gus', limit: 10 });
    expect(ids(result)).not.toContain('c4');
    expect(result.items.length).toBeGreaterThan(0);
  });

  it.each([
    [{ max: 3 }, (p: number) => p <= 3],
    [{ min: 5 }, (p: number) => p >= 5],
    [{ min: 3, max: 6 }, (p: number) => p >= 3 && p <= 6],
  ])('keeps every item within the budget %j', (budget, fits) => {
    const result = recommend(index, context('anna'), { customerId: 'anna', budget, limit: 10 });
    expect(result.items.length).toBeGreaterThan(0);
    for (const item of result.items) expect(fits(item.product.price)).toBe(true);
  });

  it('caps each category for variety and lists no item twice', () => {
    const limit = 6;
    const result = recommend(index, context('anna'), { customerId: 'anna', limit });
    const perCategory = new Map<string, number>();
    for (const item of result.items) perCategory.set(item.product.category, (perCategory.get(item.product.category) ?? 0) + 1);
    for (const count of perCategory.values()) expect(count).toBeLessThanOrEqual(categoryCap(limit, []));
    expect(new Set(ids(result)).size).toBe(result.items.length);
  });

  it('lets a single requested category fill the list', () => {
    const result = recommend(index, context('anna'), { customerId: 'anna', categories: ['christmas'], limit: 3 });
    expect(ids(result).sort()).toEqual(['x1', 'x2', 'x3']);
  });

  it('suppresses dismissed and excluded products', () => {
    const before = ids(recommend(index, context('anna'), { customerId: 'anna', limit: 10 }));
    expect(before).toEqual(expect.arrayContaining(['c1', 'c2']));
    const after = ids(recommend(index, context('anna', { dismissed: ['c1'] }), { customerId: 'anna', exclude: ['c2'], limit: 10 }));
    expect(after).not.toContain('c1');
    expect(after).not.toContain('c2');
  });

  it('demotes the close neighbours of a dismissed product', () => {
    const score = (dismissed: string[]): number => {
      const item = recommend(index, context('anna', { dismissed }), { customerId: 'anna', limit: 10 }).items.find((s) => s.product.id === 'c2');
      return item?.score ?? 0;
    };
    expect(index.relatedTo('c1')).toContain('c2');
    expect(score(['c1'])).toBeLessThan(score([]));
  });

  it.each([
    [{ limit: 0 }, /limit/],
    [{ budget: { min: 10, max: 2 } }, /budget min/],
  ])('rejects a malformed request %j with a clear message', (extra, message) => {
    expect(() => recommend(index, context('anna'), { customerId: 'anna', ...extra })).toThrow(message);
  });
});

describe('recommend: request constraints', () => {
  const index = buildIndex();

  it('maps an occasion onto categories and keywords', () => {
    const christmas = recommend(index, context(null), { customerId: null, occasion: 'Christmas', limit: 10 });
    expect(christmas.items.map((s) => s.product.category)).toEqual(christmas.items.map(() => 'christmas'));
    const birthday = recommend(index, context(null), { customerId: null, occasion: 'birthday', limit: 10 });
    expect(ids(birthday)).toContain('n1');
  });

  it('filters on keywords (plural folded)', () => {
    const result = recommend(index, context(null), { customerId: null, keywords: ['lanterns'], limit: 10 });
    expect(ids(result).sort()).toEqual(['c2', 'c3']);
  });

  it('answers "more like X" with X\'s co-purchase neighbours, never X itself', () => {
    const result = recommend(index, context(null), { customerId: null, similarTo: 'x1', limit: 3 });
    expect(ids(result)).not.toContain('x1');
    expect(result.items[0].reason.kind).toBe('similar_to');
    expect(result.items[0].reason.text).toContain('Christmas Bauble');
  });
});

describe('recommend: reasons', () => {
  const index = buildIndex();

  it('names the top contributing signal of every item', () => {
    for (const customerId of ['anna', 'ben', 'cara', 'zoe']) {
      const ctx = context(customerId, { segmentLabel: 'champions', country: 'United Kingdom', preferences: { categories: ['christmas'], values: [], priceBand: undefined } });
      const result = recommend(index, ctx, { customerId, limit: 6 });
      const scored = scoreItems(index, ctx, buildConstraints(index.catalog, { customerId }, []));
      for (const item of result.items) {
        const row = scored.board.items.indexOf(index.catalog.indexOf(item.product.id) ?? -1);
        const contributions = scored.board.contributions(row);
        const top = SIGNALS.reduce((best, kind) => (contributions[kind] > contributions[best] ? kind : best));
        expect(item.reason.kind).toBe(reasonKindOf(top));
        expect(contributions[top]).toBeGreaterThan(0);
      }
    }
  });

  it('states the real purchase count and the real co-purchased item', () => {
    const result = recommend(index, context('anna'), { customerId: 'anna', limit: 6 });
    const teaLight = result.items.find((s) => s.product.id === 'c1');
    expect(teaLight?.reason).toEqual({ kind: 'repeat', text: "You've bought this 3 times" });
    const fromCoPurchase = result.items.find((s) => s.reason.kind === 'co_purchase');
    expect(fromCoPurchase?.reason.text).toMatch(/^Often bought with (White Tea Light Candle|Glass Lantern|Spotty Mug)$/);
  });
});

describe('reasons: segment popularity', () => {
  const index = buildIndex();
  const product = index.catalog.product(0);

  it.each([
    ['champions', 'Popular with our most regular customers'],
    ['loyal_customers', 'Popular with our loyal customers'],
    ['new_customers', 'Popular with other new customers'],
    ['at_risk', 'Popular with customers who shop like you'],
    ['hibernating', 'Popular with customers who shop like you'],
    ['cant_lose', 'Popular with customers who shop like you'],
    [undefined, 'Popular with customers who shop like you'],
  ])('words the group %s for the shopper, never a churn label', (segmentLabel, text) => {
    if (!product) throw new Error('fixture has no product 0');
    expect(reasonFor(index, context('anna', { segmentLabel }), { kind: 'segment_popular', product, source: -1 })).toEqual({ kind: 'segment_popular', text });
  });
});

describe('recommend: personas and preferences', () => {
  const index = buildIndex();
  const scoreOf = (result: ReturnType<typeof recommend>, id: string): number => result.items.find((s) => s.product.id === id)?.score ?? 0;

  it('lifts premium items in categories the customer buys for upsell_premium', () => {
    const plain = recommend(index, context('anna'), { customerId: 'anna', categories: ['candles_lighting'], limit: 5 });
    const upsell = recommend(index, context('anna', { strategy: 'upsell_premium' }), { customerId: 'anna', categories: ['candles_lighting'], limit: 5 });
    expect(scoreOf(upsell, 'c3')).toBeGreaterThan(scoreOf(plain, 'c3'));
    expect(scoreOf(upsell, 'c2')).toBeCloseTo(scoreOf(plain, 'c2'), 12);
  });

  it('names a stated interest when it ranked the item', () => {
    const ctx = context('newbie', { preferences: { categories: ['christmas'], values: [] } });
    const result = recommend(index, ctx, { customerId: 'newbie', limit: 3 });
    const fromPreference = result.items.filter((s) => s.reason.kind === 'preference');
    expect(fromPreference.length).toBeGreaterThan(0);
    for (const item of fromPreference) {
      expect(item.product.category).toBe('christmas');
      expect(item.reason.text).toBe('Matches your interest in Christmas');
    }
  });
});

describe('explain', () => {
  const index = buildIndex();

  it('gives the reason the item was suggested with', () => {
    const result = recommend(index, context('anna'), { customerId: 'anna', limit: 6 });
    for (const item of result.items) expect(explain(index, context('anna'), item.product.id)).toEqual(item.reason);
  });

  it('returns null for an unknown or unsupported product', () => {
    expect(explain(index, context('anna'), 'nope')).toBeNull();
    expect(explain(index, context('anna', { dismissed: ['c1'] }), 'c1')).toBeNull();
  });
});
