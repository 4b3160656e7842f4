import { EaseModel } from '../../../recommender/ranking/ease';
import { reasonFor } from '../../../recommender/ranking/reasons';
import { scoreItems } from '../../../recommender/ranking/scoring';
import { DEFAULT_SCORING, SIGNALS, type ScoringParameters, type SignalWeights } from '../../../recommender/ranking/types';
import { buildIndex, context } from './fixtures';
import { invertSymmetricPositiveDefinite } from '../../../recommender/ranking/spdInverse';

/** Textbook Gauss-Jordan inverse with partial pivoting, the reference the Cholesky route is checked against. */
function gaussJordanInverse(matrix: number[][]): number[][] {
  const n = matrix.length;
  const rows = matrix.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(rows[r][col]) > Math.abs(rows[pivot][col])) pivot = r;
    [rows[col], rows[pivot]] = [rows[pivot], rows[col]];
    const scale = rows[col][col];
    rows[col] = rows[col].map((v) => v / scale);
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = rows[r][col];
      rows[r] = rows[r].map((v, j) => v - factor * rows[col][j]);
    }
  }
  return rows.map((row) => row.slice(n));
}

const BASKETS = [[0, 1, 2], [0, 1], [1, 2, 3], [0, 3], [2, 3, 4], [0, 1, 4], [4], [1, 4]];

function easeByDefinition(baskets: number[][], items: number[], lambda: number): number[][] {
  const gram = items.map((a) => items.map((b) => baskets.filter((x) => x.includes(a) && x.includes(b)).length + (a === b ? lambda : 0)));
  const p = gaussJordanInverse(gram);
  return items.map((_, i) => items.map((__, j) => (i === j ? 0 : -p[i][j] / p[j][j])));
}

describe('invertSymmetricPositiveDefinite', () => {
  it.each([1, 3, 7, 12])('matches Gauss-Jordan on a %i-square matrix', (n) => {
    const dense = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, j) => ((i * 7 + j * 7) % 5) + (i === j ? 3 * n : 0)));
    const expected = gaussJordanInverse(dense);
    const inverse = invertSymmetricPositiveDefinite(Float64Array.from(dense.flat()), n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(inverse[i * n + j]).toBeCloseTo(expected[i][j], 10);
  });

  it('rejects a matrix that is not positive definite or not n x n', () => {
    expect(() => invertSymmetricPositiveDefinite(Float64Array.from([1, 2, 2, 1]), 2)).toThrow(/not positive definite/);
    expect(() => invertSymmetricPositiveDefinite(new Float64Array(3), 2)).toThrow(/expected 2 x 2/);
  });
});

describe('EaseModel', () => {
  it('has B = I - P diagMat(1/diag(P)) with a zero diagonal', () => {
    const model = EaseModel.fit(BASKETS, 5, { lambda: 2, maxItems: 10 });
    const expected = easeByDefinition(BASKETS, [0, 1, 2, 3, 4], 2);
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) expect(model.weight(i, j)).toBeCloseTo(expected[i][j], 6);
  });

  it('keeps only the items with the most distinct buyers, fitted on those columns alone', () => {
    // buyers: 0 -> 4, 1 -> 5, 2 -> 3, 3 -> 3, 4 -> 4; the three most bought are 1, 0 and 4.
    const model = EaseModel.fit(BASKETS, 5, { lambda: 2, maxItems: 3 });
    expect(model.size).toBe(3);
    const expected = easeByDefinition(BASKETS, [1, 0, 4], 2);
    expect(model.weight(1, 0)).toBeCloseTo(expected[0][1], 6);
    expect(model.weight(0, 4)).toBeCloseTo(expected[1][2], 6);
    expect(model.weight(2, 0)).toBe(0);
  });

  it('recommends positive sums over the sources, never a source, naming the strongest contributor', () => {
    const model = EaseModel.fit(BASKETS, 5, { lambda: 1, maxItems: 10 });
    const sources = [{ item: 0, weight: 1 }, { item: 2, weight: 0.5 }];
    const found = model.recommend(sources, 10, () => true);
    const sums = [0, 1, 2, 3, 4].map((j) => model.weight(0, j) + 0.5 * model.weight(2, j));
    const expectedItems = [1, 3, 4].filter((j) => sums[j] > 0).sort((a, b) => sums[b] - sums[a]);
    expect(found.map((c) => c.item)).toEqual(expectedItems);
    for (const candidate of found) {
      expect(candidate.value).toBeCloseTo(sums[candidate.item], 6);
      const best = model.weight(0, candidate.item) >= 0.5 * model.weight(2, candidate.item) ? 0 : 2;
      expect(candidate.source).toBe(best);
    }
    expect(model.recommend(sources, 10, (item) => item !== expectedItems[0]).map((c) => c.item)).not.toContain(expectedItems[0]);
  });
});

describe('goes_with signal in scoring', () => {
  it('suggests only items the customer has not bought, explained by the bought item that contributed most', () => {
    const index = buildIndex();
    const model = index.ease();
    if (!model) throw new Error('the default index options include EASE');
    const onlyGoesWith = Object.fromEntries(SIGNALS.map((s) => [s, s === 'goes_with' ? 1 : 0])) as SignalWeights;
    const params: ScoringParameters = { ...DEFAULT_SCORING, weights: onlyGoesWith, easeWeightedSources: false };
    const customer = 'ben';
    const owned = [...(index.history(customer)?.items.keys() ?? [])];
    const scored = scoreItems(index, context(customer), { allowed: () => true }, params);
    const suggested = scored.ranked.filter((row) => scored.board.value(row, 'goes_with') > 0);
    expect(suggested.length).toBeGreaterThan(0);
    for (const row of suggested) {
      const item = scored.board.items[row];
      expect(owned).not.toContain(item);
      const best = owned.reduce((a, b) => (model.weight(b, item) > model.weight(a, item) ? b : a));
      const product = index.catalog.product(item);
      if (!product) throw new Error(`no product for item ${item}`);
      const kind = scored.board.topSignal(row);
      const reason = reasonFor(index, context(customer), { kind, product, source: scored.board.sourceOf(row, kind) });
      expect(reason).toEqual({ kind: 'co_purchase', text: `Goes well with ${index.catalog.product(best)?.name}` });
    }
    scored.board.release();
  });
});
