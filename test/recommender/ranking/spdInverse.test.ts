import { invertSymmetricPositiveDefinite } from '../../../recommender/ranking/spdInverse';
import { jsKernel, wasmKernel } from '../../../recommender/ranking/spdInverseKernel';
import { SWEEP_BLOCK, sweepInverse } from '../../../recommender/ranking/spdInverseSweep';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Like EASE's input: XᵀX for a random 0/1 customer x item matrix X, plus lambda on the diagonal. */
function gramPlusRidge(n: number, lambda: number, seed: number): Float64Array {
  const next = random(seed);
  const customers = Array.from({ length: 3 * n + 5 }, () => Array.from({ length: n }, (_, item) => item).filter(() => next() < 0.2));
  const gram = new Float64Array(n * n);
  for (const basket of customers) for (const a of basket) for (const b of basket) gram[a * n + b]++;
  for (let i = 0; i < n; i++) gram[i * n + i] += lambda;
  return gram;
}

/** Textbook Gauss-Jordan with partial pivoting on [A | I]. */
function referenceInverse(matrix: Float64Array, n: number): Float64Array {
  const rows = Array.from({ length: n }, (_, i) => {
    const row = new Float64Array(2 * n);
    row.set(matrix.subarray(i * n, i * n + n));
    row[n + i] = 1;
    return row;
  });
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(rows[r][col]) > Math.abs(rows[pivot][col])) pivot = r;
    [rows[col], rows[pivot]] = [rows[pivot], rows[col]];
    const top = rows[col];
    const scale = 1 / top[col];
    for (let j = 0; j < 2 * n; j++) top[j] *= scale;
    for (let r = 0; r < n; r++) {
      const factor = rows[r][col];
      if (r === col || factor === 0) continue;
      for (let j = 0; j < 2 * n; j++) rows[r][j] -= factor * top[j];
    }
  }
  const inverse = new Float64Array(n * n);
  rows.forEach((row, i) => inverse.set(row.subarray(n), i * n));
  return inverse;
}

function maxAbsDifference(a: Float64Array, b: Float64Array): number {
  return a.reduce((worst, value, i) => Math.max(worst, Math.abs(value - b[i])), 0);
}

function maxAbs(a: Float64Array): number {
  return a.reduce((worst, value) => Math.max(worst, Math.abs(value)), 0);
}

const SIZES = [1, 2, 3, 5, 17, 63, 64, 65, 130, 257]; // around the 4-wide tiles and the 64-wide sweep block

describe('the rank-update kernel', () => {
  it.each([[1, 1], [3, 5], [2, 64]])('subtracts A Bᵀ from %i 4 x 4 tiles of C at depth %i, nothing else', (tiles, depth) => {
    const kernel = wasmKernel(1 << 16);
    if (!kernel) throw new Error('this runtime has no WebAssembly SIMD');
    const data = new Float64Array(kernel.buffer);
    const next = random(tiles * 100 + depth);
    for (let i = 0; i < 8192; i++) data[i] = next() - 0.5;
    const before = data.slice();
    const [c, ldc, a, b] = [16, 8 * tiles + 6, 1024, 2048]; // in doubles; C rows are 6 doubles wider than the tiles
    kernel.update(8 * c, 8 * ldc, 8 * a, 8 * b, tiles, depth);
    const expected = before.slice();
    for (let t = 0; t < tiles; t++) {
      for (let r = 0; r < 4; r++) {
        for (let s = 0; s < 4; s++) {
          let sum = 0;
          for (let p = 0; p < depth; p++) sum += before[a + 4 * p + r] * before[b + 4 * (depth * t + p) + s];
          expected[c + r * ldc + 4 * t + s] -= sum;
        }
      }
    }
    expect(maxAbsDifference(data, expected)).toBe(0);
    expect(maxAbsDifference(data, before)).toBeGreaterThan(0);
  });
});

describe('invertSymmetricPositiveDefinite', () => {
  it('sweeps 64 columns a step, the block the sizes below straddle', () => expect(SWEEP_BLOCK).toBe(64));

  it.each(SIZES)('gives A A⁻¹ = I for a %i-square Gram matrix plus ridge', (n) => {
    const matrix = gramPlusRidge(n, 2 + n / 10, n);
    const inverse = invertSymmetricPositiveDefinite(matrix.slice(), n);
    expect(inverse).toHaveLength(n * n);
    let worst = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let k = 0; k < n; k++) sum += matrix[i * n + k] * inverse[k * n + j];
        worst = Math.max(worst, Math.abs(sum - (i === j ? 1 : 0)));
      }
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it.each(SIZES)('agrees with Gauss-Jordan to 1e-12 relative on a %i-square matrix, and is exactly symmetric', (n) => {
    const matrix = gramPlusRidge(n, 1 + n / 20, 7 * n + 1);
    const inverse = invertSymmetricPositiveDefinite(matrix.slice(), n);
    expect(maxAbsDifference(inverse, referenceInverse(matrix, n)) / maxAbs(inverse)).toBeLessThan(1e-12);
    let asymmetric = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) if (inverse[i * n + j] !== inverse[j * n + i]) asymmetric++;
    expect(asymmetric).toBe(0);
  });

  it('gives the very same inverse with the plain-JavaScript kernel as with the WebAssembly one', () => {
    expect(wasmKernel(1024)).not.toBeNull(); // Node 20 has WebAssembly SIMD: the fast path is the one tested above
    for (const n of [3, 65, 130]) {
      const matrix = gramPlusRidge(n, 3, n + 11);
      const viaWasm = invertSymmetricPositiveDefinite(matrix.slice(), n);
      const viaJs = sweepInverse(matrix.slice(), n, jsKernel);
      expect(maxAbsDifference(viaWasm, viaJs)).toBe(0); // same products summed in the same order
    }
  });

  it('reads only the lower triangle and leaves its argument as it was', () => {
    const n = 130;
    const matrix = gramPlusRidge(n, 4, 99);
    const scrambled = matrix.slice();
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) scrambled[i * n + j] = Number.NaN;
    const kept = scrambled.slice();
    expect(invertSymmetricPositiveDefinite(scrambled, n)).toEqual(invertSymmetricPositiveDefinite(matrix, n));
    expect(scrambled).toEqual(kept);
  });

  it('returns an empty inverse for a 0 x 0 matrix', () => {
    expect(invertSymmetricPositiveDefinite(new Float64Array(0), 0)).toHaveLength(0);
  });

  const identityWith = (n: number, changes: Array<[number, number, number]>): Float64Array => {
    const matrix = new Float64Array(n * n);
    for (let i = 0; i < n; i++) matrix[i * n + i] = 1;
    for (const [i, j, value] of changes) [matrix[i * n + j], matrix[j * n + i]] = [value, value];
    return matrix;
  };

  it.each([
    ['an indefinite 2 x 2', 2, identityWith(2, [[0, 1, 2]]), 1],
    ['a zero pivot in the first block', 130, identityWith(130, [[40, 40, 0]]), 40],
    ['a negative pivot in the third block', 130, identityWith(130, [[129, 129, -1]]), 129],
    ['a Schur complement that turns negative across blocks', 130, identityWith(130, [[0, 129, 2]]), 129],
    ['a NaN on the diagonal', 5, identityWith(5, [[3, 3, Number.NaN]]), 3],
  ])('rejects %s, naming the failing pivot', (_, n, matrix, pivot) => {
    const message = new RegExp(`^matrix is not positive definite \\(pivot ${pivot} is `);
    expect(() => invertSymmetricPositiveDefinite(matrix, n)).toThrow(message);
  });

  it.each([
    [new Float64Array(3), 2, /^matrix has 3 entries, expected 2 x 2$/],
    [new Float64Array(4), 1.5, /expected 1.5 x 1.5/],
    [new Float64Array(1), -1, /expected -1 x -1/],
  ])('rejects a matrix of the wrong length (%#)', (matrix, n, message) => {
    expect(() => invertSymmetricPositiveDefinite(matrix, n)).toThrow(message);
  });
});
