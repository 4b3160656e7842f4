import { customerBaskets, groupBounds, tifuKnnRanker, tifuVector, type TifuKnnOptions } from '../../../recommender/eval/tifuKnn';
import { parseCutoff, splitByTime, variantUsers } from '../../../recommender/eval/split';
import { trainStats } from '../../../recommender/eval/trainStats';
import { ROWS, tx } from './fixture';

const options: TifuKnnOptions = { groupSize: 2, withinDecay: 0.5, groupDecay: 0.6, neighbours: 2, alpha: 0.9 };

describe('TIFU-KNN', () => {
  it('groups baskets counted back from the latest, the oldest group short', () => {
    expect(groupBounds(5, 2)).toEqual([[0, 1], [1, 3], [3, 5]]);
    expect(groupBounds(2, 3)).toEqual([[0, 2]]);
    expect(groupBounds(0, 3)).toEqual([]);
  });

  it('decays baskets within a group and groups by age, averaging both', () => {
    // Baskets (oldest first): [0], [0,1], [2]. Groups of 2 from the latest: {[0]}, {[0,1],[2]}; k = 2.
    const v = tifuVector([[0], [0, 1], [2]], options);
    const value = new Map(v.items.map((item, k) => [item, v.values[k]]));
    const older = (0.6 / 2) * 1; // group 0, one basket, r_g^1 / k
    const newer = (1 / 2) / 2; // group 1, two baskets: mean; the earlier basket decayed by r_b
    expect(value.get(0)).toBeCloseTo(older + newer * 0.5, 12);
    expect(value.get(1)).toBeCloseTo(newer * 0.5, 12);
    expect(value.get(2)).toBeCloseTo(newer, 12);
  });

  it('orders each customer\'s invoices by time', () => {
    const indexOf = new Map([['A', 0], ['B', 1], ['C', 2], ['D', 3]]);
    const rows = [tx('9', 'u', '2011-02-01', 'C'), tx('8', 'u', '2011-01-01', 'A'), tx('8', 'u', '2011-01-01', 'B'), tx('8', 'u', '2011-01-01', 'A')];
    expect(customerBaskets(rows, indexOf).get('u')).toEqual([[0, 1], [2]]);
  });

  it('blends the own vector with the nearest customers\' mean and honours exclusions', () => {
    const split = splitByTime(ROWS, parseCutoff('2011-09-01'));
    const stats = trainStats(split.train);
    const [u1, u2] = variantUsers(split, 'all');
    // Vectors: u1 {A .75, B .25} (one group of two baskets, the older halved), u2 {B 1, C 1}, u3 {A 1, C 1, D 1}.
    // u1's squared distances: u2 0.625 + 2 - 0.5 = 2.125, u3 0.625 + 3 - 1.5 = 2.125: the tie goes to u3 (seen first).
    // Scores 0.5 * own + 0.5 * mean(u1, u3): A .8125, C .25, D .25, B .1875 -> C beats B although u1 bought B.
    const rank = tifuKnnRanker(split.train, stats, { ...options, neighbours: 2, alpha: 0.5 });
    expect(rank(u1, 2)).toEqual(['A', 'C']);
    expect(tifuKnnRanker(split.train, stats, { ...options, neighbours: 2, alpha: 0.9 })(u1, 2)).toEqual(['A', 'B']);
    expect(rank({ ...u2, exclude: new Set(['B', 'C']) }, 2)).toEqual(['A', 'D']);
    // alpha 1: only own items, then popularity padding.
    expect(tifuKnnRanker(split.train, stats, { ...options, alpha: 1 })(u2, 3)).toEqual(['B', 'C', 'A']);
  });
});
