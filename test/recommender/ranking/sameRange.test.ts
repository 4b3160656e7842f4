/**
 * same_range: items sharing the rarer words of a bought item's name. Expected scores come from the definition
 * (word weight log(n / holders), profile = sum of strength * weight, item score = sum of profile * weight) by hand.
 */
import type { Order, Product } from '../../../domain/model';
import { explain, recommend } from '../../../recommender/ranking/recommend';
import { DEFAULT_INDEX_OPTIONS, RecommenderIndex } from '../../../recommender/ranking/recommenderIndex';
import { scoreItems, type ScoredCandidates } from '../../../recommender/ranking/scoring';
import { DEFAULT_SCORING, SIGNALS, type RecommendationContext, type ScoringParameters, type SignalWeights } from '../../../recommender/ranking/types';
import { context, order, product } from './fixtures';

/**
 * Twelve items, one category ('giftware', never a name word). Name-word holders: retrospot 4 (p0 p1 p6 p7),
 * woodland 3 (p2 p6 p7), lunch and bag 5 (p1-p5), regency 2 (p8 p9); every other word is on one item.
 */
const NAMES = [
  'Retrospot Mug', 'Retrospot Lunch Bag', 'Woodland Lunch Bag', 'Spaceboy Lunch Bag', 'Paisley Lunch Bag', 'Owl Lunch Bag',
  'Woodland Retrospot Bowl', 'Woodland Retrospot Jug', 'Regency Teacup', 'Regency Saucer', 'Doily Candle', 'Star Garland',
];
const SHOP: Product[] = NAMES.map((name, i) => product(`p${i}`, 'giftware', 5, { name }));
const N = NAMES.length;
const RETROSPOT = Math.log(N / 4);
const WOODLAND = Math.log(N / 3);
const LUNCH_BAG = Math.log(N / 5);

/** 0.35 of 12 items = 4.2 holders: retrospot (4) names a range, lunch and bag (5) do not. */
const RANGE = { words: 20, maxItemShare: 0.35, candidates: 100 };
const onlySameRange = Object.fromEntries(SIGNALS.map((s) => [s, s === 'same_range' ? 1 : 0])) as SignalWeights;
const PARAMS: ScoringParameters = { ...DEFAULT_SCORING, weights: onlySameRange, sameRange: RANGE };

function shop(orders: Order[], products: readonly Product[] = SHOP): RecommenderIndex {
  return RecommenderIndex.build({ products, orders, options: { ...DEFAULT_INDEX_OPTIONS, ease: null } });
}

/** same_range value of every board row with one, by product id. */
function sameRangeValues(index: RecommenderIndex, scored: ScoredCandidates): Map<string, number> {
  const out = new Map<string, number>();
  scored.board.items.forEach((item, row) => {
    const value = scored.board.value(row, 'same_range');
    if (value !== 0) out.set(index.catalog.idOf(item), value);
  });
  return out;
}

function score(index: RecommenderIndex, ctx: RecommendationContext, params = PARAMS, similarTo?: string): Map<string, number> {
  const anchor = similarTo === undefined ? undefined : index.catalog.indexOf(similarTo);
  return sameRangeValues(index, scoreItems(index, ctx, { allowed: () => true, similarTo: anchor }, params));
}

const suggested = (index: RecommenderIndex, ctx: RecommendationContext, params = PARAMS): string[] =>
  recommend(index, ctx, { customerId: ctx.customerId, limit: 10 }, params).items.map((s) => s.product.id);

describe('ItemCatalog.nameTokens', () => {
  it('lists the distinct lower-case words of the name only, and nothing for a placeholder', () => {
    const index = shop([order('amy', '2011-11-01', ['gone'])], [
      product('m', 'kitchen_dining', 3, { name: 'Red RETROSPOT red Mug, 6-pack', tags: ['Gift Wrap'] }),
    ]);
    const item = index.catalog.indexOf('m') ?? -1;
    expect(index.catalog.nameTokens(item)).toEqual(['red', 'retrospot', 'mug', '6', 'pack']);
    // Category and tag words are indexed for keyword search but are not name words.
    expect(index.catalog.itemsWithToken('gift')).toEqual([item]);
    expect(index.catalog.itemsWithToken('kitchen')).toEqual([item]);
    expect(index.catalog.nameTokens(index.catalog.indexOf('gone') ?? -1)).toEqual([]);
  });
});

describe('same_range signal', () => {
  it('suggests the items sharing a rare word, named after the bought item, never the bought item itself', () => {
    const index = shop([order('amy', '2011-11-20', ['p0'])]);
    const ctx = context('amy');
    // Profile: retrospot only (mug is on one item); p1, p6, p7 all score ln3 * ln3 and tie, ordered by id.
    expect(suggested(index, ctx)).toEqual(['p1', 'p6', 'p7']);
    for (const id of ['p1', 'p6', 'p7']) {
      expect(explain(index, ctx, id, PARAMS)).toEqual({ kind: 'similar_to', text: 'From the same range as Retrospot Mug' });
    }
    expect(score(index, ctx).has('p0')).toBe(false);
  });

  it('ranks by the summed weight of shared words: two words beat one, the rarer word beats the commoner', () => {
    const index = shop([order('dee', '2011-11-20', ['p6'])]);
    // Profile of 'Woodland Retrospot Bowl': woodland ln4, retrospot ln3. Each shared word adds profile * weight.
    const both = WOODLAND ** 2 + RETROSPOT ** 2;
    const expected: [string, number][] = [['p7', 1], ['p2', WOODLAND ** 2 / both], ['p0', RETROSPOT ** 2 / both], ['p1', RETROSPOT ** 2 / both]];
    const values = score(index, context('dee'));
    expect([...values.keys()].sort()).toEqual(expected.map(([id]) => id).sort());
    for (const [id, value] of expected) expect(values.get(id)).toBeCloseTo(value, 10);
    expect(suggested(index, context('dee'))).toEqual(expected.map(([id]) => id));
  });

  it.each([
    ['only the heaviest profile word (woodland) is looked up: p2 and p7 tie', { words: 1 }, ['p2', 'p7']],
    ['only the best candidate is kept', { candidates: 1 }, ['p7']],
  ])('honours its limits: %s', (_name, limit, expected) => {
    const index = shop([order('dee', '2011-11-20', ['p6'])]);
    expect(suggested(index, context('dee'), { ...PARAMS, sameRange: { ...RANGE, ...limit } })).toEqual(expected);
  });

  it('skips words on more than maxItemShare of the catalogue, unless the share allows them', () => {
    const index = shop([order('bob', '2011-11-20', ['p2'])]);
    // 'Woodland Lunch Bag': lunch and bag are on 5 of 12 items, so only woodland counts.
    expect(suggested(index, context('bob'))).toEqual(['p6', 'p7']);
    // At 0.5 (6 holders allowed) lunch and bag (ln 2.4 each) join: p1 and p3-p5 share both, woodland items score ln4 * ln4.
    const wide: ScoringParameters = { ...PARAMS, sameRange: { ...RANGE, maxItemShare: 0.5 } };
    const values = score(index, context('bob'), wide);
    const lunchBag = (2 * LUNCH_BAG ** 2) / WOODLAND ** 2;
    expect(values.get('p6')).toBeCloseTo(1, 10);
    expect(values.get('p7')).toBeCloseTo(1, 10);
    for (const id of ['p1', 'p3', 'p4', 'p5']) expect(values.get(id)).toBeCloseTo(lunchBag, 10);
  });

  it('gives nothing for words only one item has', () => {
    const index = shop([order('cid', '2011-11-20', ['p10'])]); // 'Doily Candle': both words unique
    expect(score(index, context('cid')).size).toBe(0);
    expect(suggested(index, context('cid'))).toEqual([]);
  });

  it('never scores the customer’s own items, even the one sharing the most', () => {
    const index = shop([order('eli', '2011-11-20', ['p6', 'p7'])]);
    const scored = scoreItems(index, context('eli'), { allowed: () => true }, PARAMS);
    const ownRow = scored.board.items.indexOf(index.catalog.indexOf('p7') ?? -1);
    expect(ownRow).toBeGreaterThanOrEqual(0); // on the board (bought, so trending), yet without the signal
    expect(scored.board.value(ownRow, 'same_range')).toBe(0);
    // Bowl and jug both give woodland and retrospot twice over: p2 (woodland) leads, p0 and p1 (retrospot) follow.
    expect([...sameRangeValues(index, scored).keys()].sort()).toEqual(['p0', 'p1', 'p2']);
  });

  it('is absent for a customer who opted out, for a guest and for a "more like X" request', () => {
    const index = shop([order('dee', '2011-11-20', ['p6'])]);
    expect(score(index, context('dee')).size).toBe(4);
    expect(score(index, context('dee', { personalized: false })).size).toBe(0);
    expect(score(index, context(null)).size).toBe(0);
    expect(score(index, context('dee'), PARAMS, 'p0').size).toBe(0);
  });

  it('keeps the business rules: an out-of-stock or dismissed item is not suggested', () => {
    const products = SHOP.map((p) => (p.id === 'p7' ? { ...p, inStock: false } : p));
    const index = shop([order('dee', '2011-11-20', ['p6'])], products);
    expect(suggested(index, context('dee', { dismissed: ['p2'] }))).toEqual(['p0', 'p1']);
    expect(explain(index, context('dee', { dismissed: ['p2'] }), 'p2', PARAMS)).toBeNull();
  });

  // Strength = orders^0.5 at equal recency: 4 orders -> 2, 1 order -> 1. A shared word names the item that gave it most.
  it.each([
    ['the mug, bought four times', 4, 1, 'p1', 'Retrospot Mug'],
    ['the bowl, bought four times', 1, 4, 'p1', 'Woodland Retrospot Bowl'],
    ['the bowl, the only woodland item bought', 4, 1, 'p2', 'Woodland Retrospot Bowl'],
  ])('names %s as the source', (_name, mugOrders, bowlOrders, item, source) => {
    const dates = ['2011-11-01', '2011-11-08', '2011-11-15', '2011-11-22'];
    const orders = dates.map((date, k) => {
      const lines = [...(k >= dates.length - mugOrders ? ['p0'] : []), ...(k >= dates.length - bowlOrders ? ['p6'] : [])];
      return order('fay', date, lines);
    });
    const index = shop(orders);
    expect(index.history('fay')?.items.get(index.catalog.indexOf('p0') ?? -1)?.orders).toBe(mugOrders);
    expect(explain(index, context('fay'), item, PARAMS)).toEqual({ kind: 'similar_to', text: `From the same range as ${source}` });
  });
});
