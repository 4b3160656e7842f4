/** Customers like you: the buyer index finds overlapping customers, and the signal is served with an honest reason. */
import { recommend } from '../../../recommender/ranking/recommend';
import { RecommenderIndex } from '../../../recommender/ranking/recommenderIndex';
import { BuyerIndex, type SimilarCustomerParameters } from '../../../recommender/ranking/similarCustomers';
import { DEFAULT_SCORING, SIGNALS, type ScoringParameters, type SignalWeights } from '../../../recommender/ranking/types';
import { context, order, PRODUCTS } from './fixtures';

const PARAMS: SimilarCustomerParameters = { neighbours: 10, buyersPerItem: 100, shrink: 0, candidates: 10, popularityExponent: 0 };

/** a owns 1,2,3; b shares 1,2 and adds 4; d shares only 1 and adds 7; c shares nothing. */
function buyers(): BuyerIndex {
  const index = new BuyerIndex();
  const owned: [string, number[]][] = [['a', [1, 2, 3]], ['b', [1, 2, 4]], ['c', [5, 6]], ['d', [1, 7]]];
  for (const [customer, items] of owned) for (const item of items) index.addFirstPurchase(customer, item);
  return index;
}

describe('BuyerIndex.score', () => {
  const notOwnedByA = (item: number): boolean => ![1, 2, 3].includes(item);

  it.each([
    ['all neighbours', PARAMS, [4, 7]],
    ['only the nearest neighbour', { ...PARAMS, neighbours: 1 }, [4]],
    ['one item kept', { ...PARAMS, candidates: 1 }, [4]],
  ])('ranks items of overlapping customers by similarity: %s', (_name, params, expected) => {
    const scored = buyers().score('a', params, notOwnedByA);
    expect(scored.map((s) => s.item)).toEqual(expected);
    // cosine: b = 2 / sqrt(3 * 3), d = 1 / sqrt(3 * 2)
    if (expected.length === 2) {
      expect(scored[0].value).toBeCloseTo(2 / 3);
      expect(scored[1].value).toBeCloseTo(1 / Math.sqrt(6));
    }
  });

  it('divides by item popularity when asked and reads only the latest buyers of an item', () => {
    const index = buyers();
    index.addFirstPurchase('e', 1);
    index.addFirstPurchase('e', 7); // 7 now has two buyers
    const plain = index.score('a', PARAMS, notOwnedByA);
    const penalised = index.score('a', { ...PARAMS, popularityExponent: 1 }, notOwnedByA);
    expect(penalised.find((s) => s.item === 7)?.value).toBeCloseTo((plain.find((s) => s.item === 7)?.value ?? 0) / 2);
    // Only the latest buyer of each item is read: e through 1 (1 / sqrt(3 * 2)), b through 2 only (1 / 3), d never.
    const latestOnly = index.score('a', { ...PARAMS, buyersPerItem: 1 }, notOwnedByA);
    expect(latestOnly.map((s) => s.item)).toEqual([7, 4]);
    expect(latestOnly[1].value).toBeCloseTo(1 / 3);
  });

  it('knows nothing of an unknown customer', () => {
    expect(buyers().score('nobody', PARAMS, () => true)).toEqual([]);
  });
});

describe('similar_customers in recommend', () => {
  const onlySimilarCustomers = Object.fromEntries(SIGNALS.map((s) => [s, s === 'similar_customers' ? 1 : 0])) as SignalWeights;
  const params: ScoringParameters = { ...DEFAULT_SCORING, weights: onlySimilarCustomers, similarCustomers: PARAMS };

  it("suggests a like-minded customer's other items, never the customer's own, with the similar_customers reason", () => {
    const orders = [
      order('amy', '2011-11-01', ['c1', 'c2']),
      order('bob', '2011-11-02', ['c1', 'c2', 'k3']),
      order('cid', '2011-11-03', ['x1', 'x2']),
    ];
    const index = RecommenderIndex.build({ products: PRODUCTS, orders });
    const result = recommend(index, context('amy'), { customerId: 'amy', limit: 5 }, params);
    expect(result.items.map((s) => s.product.id)).toEqual(['k3']);
    expect(result.items[0].reason).toEqual({ kind: 'similar_customers', text: 'Popular with customers who buy what you buy' });
  });
});
