import { easeRanker, groupPopularityRanker, popularityRanker, randomRanker, repeatRanker } from '../../../recommender/eval/baselines';
import { itemKnnRanker } from '../../../recommender/eval/itemKnn';
import { rfmLabel, rfmLabels } from '../../../recommender/eval/rfm';
import { parseCutoff, splitByTime, variantUsers } from '../../../recommender/eval/split';
import { trainStats } from '../../../recommender/eval/trainStats';
import { ROWS, tx } from './fixture';

const split = splitByTime(ROWS, parseCutoff('2011-09-01'));

describe('OR-T split', () => {
  it('keeps customers with train and test invoices and their distinct test items', () => {
    expect(split.trainItems).toEqual(['A', 'B', 'C', 'D']);
    expect(split.testUsers.map((u) => [u.customerId, [...u.testItems].sort()])).toEqual([['u1', ['A', 'C', 'Z']], ['u2', ['B']]]);
  });

  it('variant "new" removes train items from the relevant set and drops users left with none', () => {
    expect(variantUsers(split, 'all').map((u) => u.customerId)).toEqual(['u1', 'u2']);
    const fresh = variantUsers(split, 'new');
    expect(fresh.map((u) => [u.customerId, [...u.relevant].sort(), [...u.exclude].sort()])).toEqual([['u1', ['C', 'Z'], ['A', 'B']]]);
  });

  it.each(['2011-13-01', '1/9/2011', ''])('rejects the cutoff "%s"', (text) => {
    expect(() => parseCutoff(text)).toThrow(/cutoff/);
  });
});

describe('baselines', () => {
  const stats = trainStats(split.train);
  const all = variantUsers(split, 'all');
  const u1 = all[0];

  it('ranks popularity by distinct customers, ties by id', () => {
    expect(stats.popular).toEqual(['A', 'B', 'C', 'D']);
    expect(popularityRanker(stats)({ ...u1, exclude: new Set(['A']) }, 2)).toEqual(['B', 'C']);
  });

  it('repeats the user\'s own items by invoice count, padded with popularity', () => {
    expect(repeatRanker(stats)(u1, 4)).toEqual(['A', 'B', 'C', 'D']);
    expect(repeatRanker(stats)(all[1], 2)).toEqual(['B', 'C']);
  });

  it('ranks group popularity inside the group first', () => {
    const groups = new Map([['u1', 'x'], ['u3', 'x'], ['u2', 'y']]);
    expect(groupPopularityRanker(stats, groups)(all[1], 3)).toEqual(['B', 'C', 'A']);
  });

  it('scores item-kNN by summed cosine similarity with shrinkage', () => {
    // u2 bought B and C. sim(B,A) = 1/(sqrt(2*2)+10), sim(C,A) = 1/(sqrt(2*2)+10), sim(C,D) = 1/(sqrt(2*1)+10), A wins.
    expect(itemKnnRanker(stats)(all[1], 2)).toEqual(['A', 'D']);
  });

  it('ranks EASE by summed B rows over the user\'s items, own items included, as the reference row does', () => {
    // Independent check: invert G + λI by Gauss-Jordan over the 4 train items, B[i][j] = -P[i][j] / P[j][j].
    const items = ['A', 'B', 'C', 'D'];
    const baskets = [['A', 'B'], ['B', 'C'], ['A', 'C', 'D']].map((b) => b.map((i) => items.indexOf(i)));
    const lambda = 1;
    const g = items.map((_, i) => items.map((__, j) => baskets.filter((b) => b.includes(i) && b.includes(j)).length + (i === j ? lambda : 0)));
    const p = invert(g);
    const score = (bought: number[], j: number): number => bought.reduce((sum, i) => sum + (i === j ? 0 : -p[i][j] / p[j][j]), 0);
    const u2 = baskets[1];
    const expected = items.map((id, j) => ({ id, s: score(u2, j) })).filter((x) => x.s > 0).sort((a, b) => b.s - a.s).map((x) => x.id);
    expect(expected.length).toBeGreaterThan(1);
    expect(easeRanker(stats, lambda)(all[1], expected.length)).toEqual(expected);
    expect(easeRanker(stats, lambda)({ ...all[1], exclude: new Set(['B', 'C']) }, 2)).not.toContain('B');
  });

  it('draws random items deterministically and never an excluded one', () => {
    const first = randomRanker(split.trainItems, 7)({ ...u1, exclude: new Set(['A']) }, 3);
    expect(first).toHaveLength(3);
    expect(first).not.toContain('A');
    expect(randomRanker(split.trainItems, 7)({ ...u1, exclude: new Set(['A']) }, 3)).toEqual(first);
  });
});

describe('RFM labels from train', () => {
  it.each([[5, 5, 'champions'], [1, 1, 'hibernating'], [5, 1, 'new_customers'], [2, 5, 'cant_lose'], [3, 3, 'need_attention']])(
    'R%i F%i is %s', (r, f, label) => expect(rfmLabel(r, f)).toBe(label),
  );

  it('scores quintiles so the most recent, most frequent of five customers is a champion', () => {
    // Customer c<n> has n invoices, the last in month n+2: recency and frequency ranks agree.
    const rows = [1, 2, 3, 4, 5].flatMap((n) => Array.from({ length: n }, (_, i) => tx(`${n}-${i}`, `c${n}`, `2011-0${n + 2}-0${i + 1}`, 'A')));
    const labels = rfmLabels(rows, parseCutoff('2011-09-01'));
    expect([1, 2, 3, 4, 5].map((n) => labels.get(`c${n}`))).toEqual(['hibernating', 'hibernating', 'need_attention', 'loyal_customers', 'champions']);
  });
});

function invert(matrix: number[][]): number[][] {
  const n = matrix.length;
  const m = matrix.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    const pivot = m[c][c];
    for (let j = 0; j < 2 * n; j++) m[c][j] /= pivot;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c];
      for (let j = 0; j < 2 * n; j++) m[r][j] -= f * m[c][j];
    }
  }
  return m.map((row) => row.slice(n));
}
