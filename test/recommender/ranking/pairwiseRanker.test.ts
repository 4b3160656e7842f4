import { PairCollector, fitPairwise } from '../../../recommender/ranking/pairwiseRanker';

describe('pairwise ranker', () => {
  it('raises the weight of the feature that separates bought from not-bought and keeps an opposing one at 0', () => {
    const pairs = new PairCollector(2, 2); // starts tiny: grows as pairs arrive
    for (let k = 0; k < 50; k++) pairs.add([0.8 + (k % 5) * 0.04, 0.1], [0.2, 0.6 + (k % 3) * 0.1], 1);
    expect(pairs.count).toBe(50);
    const [separating, opposing] = fitPairwise(pairs.pairs(), { iterations: 200, learningRate: 0.05, l2: 0.001, start: [0.5, 0.5] });
    expect(separating).toBeGreaterThan(0.5);
    expect(opposing).toBe(0);
  });

  it('lets the penalty pull a weight with no evidence towards 0 and keeps every weight non-negative', () => {
    const pairs = new PairCollector(2);
    pairs.add([1, 0.3], [0, 0.3], 1); // the second feature never differs
    const weights = fitPairwise(pairs.pairs(), { iterations: 300, learningRate: 0.05, l2: 0.1, start: [0.5, 1] });
    expect(weights[1]).toBeLessThan(0.3);
    expect(weights.every((w) => w >= 0)).toBe(true);
    expect(fitPairwise(new PairCollector(2).pairs(), { iterations: 10, learningRate: 0.05, l2: 0.1, start: [0.2, 0.3] })).toEqual([0.2, 0.3]);
  });
});
