import { CustomerHistory } from '../../../recommender/ranking/customerHistory';
import { mixFeature, mixGroup, mixMultiplier, mixWeights, type CustomerMix } from '../../../recommender/ranking/customerMix';
import { fitCustomerMix, DEFAULT_MIX_FIT, type MixCustomer } from '../../../recommender/ranking/customerMixFit';
import { DAY_MS } from '../../../recommender/ranking/decay';
import { scoreItems } from '../../../recommender/ranking/scoring';
import { DEFAULT_SCORING } from '../../../recommender/ranking/types';
import { buildIndex, context } from './fixtures';

const lines = (...items: number[]): Map<number, number> => new Map(items.map((i) => [i, 1]));

function historyOf(baskets: number[][], firstDay = 0): CustomerHistory {
  const history = new CustomerHistory();
  baskets.forEach((items, k) => history.addOrder(lines(...items), (firstDay + k * 10) * DAY_MS));
  return history;
}

/** Window customers: `rebuyer` ones bought the candidates their re-buy part ranks first, explorers the others. */
function windowCustomer(rebuyer: boolean, share: number): MixCustomer {
  // Rows 0-4 score high on re-buys, rows 5-9 on the rest, rows 10-19 on neither.
  const own = Float64Array.from({ length: 20 }, (_, r) => (r < 5 ? 1 : 0));
  const other = Float64Array.from({ length: 20 }, (_, r) => (r >= 5 && r < 10 ? 0.8 : 0.1));
  const bought = Uint8Array.from({ length: 20 }, (_, r) => (rebuyer ? (r < 5 ? 1 : 0) : r >= 5 && r < 10 ? 1 : 0));
  return { own, other, bought, relevant: 5, features: { repeat_share: share, orders: 3, days_since_last: 10, basket_size: 2 } };
}

describe('customer-conditioned re-buy share', () => {
  it('reads each grouping feature from the history alone', () => {
    // Items 1 and 2 bought twice, 3 once: 5 item purchases, 2 of them again.
    const history = historyOf([[1, 2], [1, 3], [2]]);
    expect(mixFeature(history, history.lastTime + 5 * DAY_MS, 'repeat_share')).toBeCloseTo(2 / 5, 12);
    expect(mixFeature(history, history.lastTime, 'orders')).toBe(3);
    expect(mixFeature(history, history.lastTime + 5 * DAY_MS, 'days_since_last')).toBeCloseTo(5, 12);
    expect(mixFeature(history, history.lastTime, 'basket_size')).toBeCloseTo(5 / 3, 12);
    expect(mixFeature(historyOf([[1, 2, 3]]), 0, 'repeat_share')).toBe(0);
  });

  it('scales only the re-buy signals by the customer\'s group multiplier', () => {
    const mix: CustomerMix = { feature: 'repeat_share', bounds: [0.3], multipliers: [0.5, 2], sizes: [1, 1] };
    expect(mixGroup(mix.bounds, 0.1)).toBe(0);
    expect(mixGroup(mix.bounds, 0.3)).toBe(1);
    const rebuyer = historyOf([[1, 2], [1, 2]]);
    const explorer = historyOf([[1, 2], [3, 4]]);
    expect(mixMultiplier(mix, rebuyer, rebuyer.lastTime)).toBe(2);
    const mixed = mixWeights(DEFAULT_SCORING.weights, mix, explorer, explorer.lastTime);
    expect(mixed.repeat).toBeCloseTo(DEFAULT_SCORING.weights.repeat * 0.5, 12);
    expect(mixed.repeat_momentum).toBeCloseTo(DEFAULT_SCORING.weights.repeat_momentum * 0.5, 12);
    expect(mixed.co_purchase).toBe(DEFAULT_SCORING.weights.co_purchase);
    expect(mixWeights(DEFAULT_SCORING.weights, null, explorer, 0)).toBe(DEFAULT_SCORING.weights);
    expect(mixMultiplier(mix, undefined, 0)).toBe(1);
  });

  it('learns less re-buy weight for customers who explore and keeps it for those who re-buy', () => {
    const customers = Array.from({ length: 120 }, (_, k) => (k % 2 === 0 ? windowCustomer(true, 0.6 + k / 1000) : windowCustomer(false, k / 1000)));
    const mix = fitCustomerMix(customers, { ...DEFAULT_MIX_FIT, groups: 2 });
    expect(mix).not.toBeNull();
    expect(mix?.feature).toBe('repeat_share');
    const [explorers, rebuyers] = mix?.multipliers ?? [];
    expect(explorers).toBeLessThan(1);
    expect(rebuyers).toBeGreaterThanOrEqual(1);
  });

  it('keeps one blend for everyone when the groups do not differ', () => {
    const customers = Array.from({ length: 120 }, (_, k) => windowCustomer(true, k / 120));
    expect(fitCustomerMix(customers, DEFAULT_MIX_FIT)).toBeNull();
  });

  it('lets a group too small to trust keep the global blend', () => {
    const customers = Array.from({ length: 40 }, (_, k) => windowCustomer(false, k / 40));
    expect(fitCustomerMix(customers, { ...DEFAULT_MIX_FIT, groups: 2, minGroup: 30 })).toBeNull();
  });

  it('ranks a customer\'s own items lower when their group learnt a small re-buy multiplier, and only when learnt weights serve', () => {
    const index = buildIndex();
    const top = (learnt: boolean): string[] => {
      const scored = scoreItems(index, context('anna'), { allowed: () => true, depth: 3 }, { ...DEFAULT_SCORING, learnt });
      return scored.ranked.map((row) => index.catalog.idOf(scored.board.items[row]));
    };
    const before = top(true);
    expect(before[0]).toBe('c1'); // anna's tea lights, bought in every order
    const window = { windowStart: 0, windowEnd: 0, customers: 0, pairs: 0, learnt: { all: 0, new: 0 }, defaults: { all: 0, new: 0 } };
    index.learntBlend = { ...window, weights: {}, mix: { feature: 'orders', bounds: [2], multipliers: [1, 0.01], sizes: [1, 1] } };
    expect(top(true)[0]).not.toBe('c1');
    expect(top(false)).toEqual(before);
  });
});
