/** The long-memory co-purchase graph blended into the co-purchase signal: the share decides which memory ranks. */
import { recommend } from '../../../recommender/ranking/recommend';
import { RecommenderIndex } from '../../../recommender/ranking/recommenderIndex';
import { DEFAULT_SCORING, SIGNALS, type ScoringParameters, type SignalWeights } from '../../../recommender/ranking/types';
import { context, order, PRODUCTS } from './fixtures';

describe('long-memory co-purchase graph', () => {
  // Five old baskets pair the lantern with the tea light, one recent basket pairs it with the mug.
  const orders = [
    ...['u1', 'u2', 'u3', 'u4', 'u5'].map((u) => order(u, '2010-12-05', ['c2', 'c1'])),
    order('u6', '2011-11-20', ['c2', 'k1']),
    order('amy', '2011-11-25', ['c2']),
  ];
  const shortOnly = { cap: 50, tauDays: 2, sizeExponent: 0, alpha: 0, beta: 0 };
  const index = RecommenderIndex.build({
    products: PRODUCTS, orders,
    options: { coPurchase: shortOnly, longCoPurchase: { ...shortOnly, tauDays: Number.POSITIVE_INFINITY }, trendTauDays: 14, ease: null, momentumBaselineDays: null },
  });
  const onlyCoPurchase = Object.fromEntries(SIGNALS.map((s) => [s, s === 'co_purchase' ? 1 : 0])) as SignalWeights;

  it.each([
    ['short memory only: the recent pairing wins', 0, ['k1', 'c1']],
    ['long memory only: the frequent old pairing wins', 1, ['c1', 'k1']],
  ])('%s', (_name, share, expected) => {
    const params: ScoringParameters = { ...DEFAULT_SCORING, weights: onlyCoPurchase, longMemoryShare: share };
    const result = recommend(index, context('amy'), { customerId: 'amy', limit: 2, exclude: ['c2'] }, params);
    expect(result.items.map((s) => s.product.id)).toEqual(expected);
    expect(result.items.every((s) => s.reason.text === 'Often bought with Glass Lantern')).toBe(true);
  });
});
