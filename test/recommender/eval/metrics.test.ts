import { aggregateMetrics, metricsAtK } from '../../../recommender/eval/metrics';

const log2 = Math.log2;

describe('metricsAtK', () => {
  // Hits at positions 2 and 5; "z" was never in train but still counts in the denominators.
  const ranking = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
  const relevant = new Set(['b', 'e', 'z']);

  it.each([
    [10, { hit: 1, precision: 2 / 10, recall: 2 / 3, ndcg: (1 / log2(3) + 1 / log2(6)) / (1 + 1 / log2(3) + 1 / log2(4)) }],
    [5, { hit: 1, precision: 2 / 5, recall: 2 / 3, ndcg: (1 / log2(3) + 1 / log2(6)) / (1 + 1 / log2(3) + 1 / log2(4)) }],
    [1, { hit: 0, precision: 0, recall: 0, ndcg: 0 }],
  ])('at k=%i matches the hand computation', (k, expected) => {
    const got = metricsAtK(ranking, relevant, k);
    expect(got.hit).toBe(expected.hit);
    expect(got.precision).toBeCloseTo(expected.precision, 12);
    expect(got.recall).toBeCloseTo(expected.recall, 12);
    expect(got.ndcg).toBeCloseTo(expected.ndcg, 12);
  });

  it('takes the ideal DCG over min(|relevant|, k)', () => {
    expect(metricsAtK(['x', 'y'], new Set(['x']), 10).ndcg).toBe(1);
    expect(metricsAtK(['y', 'x'], new Set(['x']), 10).ndcg).toBeCloseTo(1 / log2(3), 12);
  });

  it('refuses a user with nothing relevant', () => {
    expect(() => metricsAtK(['a'], new Set(), 10)).toThrow(/no relevant/);
  });
});

describe('aggregateMetrics', () => {
  it('averages over users and measures catalogue coverage of the top 10', () => {
    const result = aggregateMetrics([['a', 'b'], ['a', 'c']], [new Set(['a']), new Set(['d'])], 8);
    expect(result.hr10).toBe(0.5);
    expect(result.p10).toBeCloseTo(0.05, 12);
    expect(result.r10).toBe(0.5);
    expect(result.ndcg10).toBe(0.5);
    expect(result.coverage10).toBe(3 / 8);
  });

  it('rejects a ranking that lists an item twice', () => {
    expect(() => aggregateMetrics([['a', 'a']], [new Set(['a'])], 2)).toThrow(/twice/);
  });
});
