/**
 * SPD inverse benchmark: the blocked sweep with its WebAssembly SIMD kernel against the previous implementation
 * (unblocked Cholesky, L⁻¹, L⁻ᵀL⁻¹; kept below as the reference), on EASE-like matrices (0/1 Gram + ridge).
 *   npx tsx bench/spdInverse.ts [n ...]      (default sizes 500 1000 2000 3388; at 3388 the old one takes ~26 s)
 */
import { invertSymmetricPositiveDefinite } from '../recommender/ranking/spdInverse';

/** Gram matrix of a random 0/1 customer x item matrix (about 8 items per customer) plus lambda I. */
function easeLikeGram(n: number, lambda: number): Float64Array {
  let state = 12345;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const gram = new Float64Array(n * n);
  for (let customer = 0; customer < 4 * n; customer++) {
    const basket = Array.from({ length: 8 }, () => Math.floor(next() ** 2 * n)); // skewed towards popular items
    for (const a of new Set(basket)) for (const b of new Set(basket)) gram[a * n + b]++;
  }
  for (let i = 0; i < n; i++) gram[i * n + i] += lambda;
  return gram;
}

function seconds(run: () => void): number {
  const start = performance.now();
  run();
  return (performance.now() - start) / 1000;
}

const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
console.log('n\told s\tnew s\tspeed-up\tmax |new - old| / max |old|');
for (const n of sizes.length > 0 ? sizes : [500, 1000, 2000, 3388]) {
  const matrix = easeLikeGram(n, 200);
  let fresh: Float64Array = new Float64Array(0), old: Float64Array = new Float64Array(0);
  const newSeconds = seconds(() => { fresh = invertSymmetricPositiveDefinite(matrix.slice(), n); });
  const oldSeconds = seconds(() => { old = previousInverse(matrix.slice(), n); });
  let [difference, scale] = [0, 0];
  for (let i = 0; i < n * n; i++) {
    difference = Math.max(difference, Math.abs(fresh[i] - old[i]));
    scale = Math.max(scale, Math.abs(old[i]));
  }
  const speedUp = (oldSeconds / newSeconds).toFixed(1);
  console.log(`${n}\t${oldSeconds.toFixed(2)}\t${newSeconds.toFixed(2)}\t${speedUp}x\t${(difference / scale).toExponential(1)}`);
}

// ---- The previous implementation, verbatim, as the reference ----
function previousInverse(matrix: Float64Array, n: number): Float64Array {
  if (matrix.length !== n * n) throw new Error(`matrix has ${matrix.length} entries, expected ${n} x ${n}`);
  const a = matrix;
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    const pivot = a[rj + j] - dot(a, rj, a, rj, j);
    if (!(pivot > 0)) throw new Error(`matrix is not positive definite (pivot ${j} is ${pivot})`);
    const d = Math.sqrt(pivot);
    a[rj + j] = d;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      a[ri + j] = (a[ri + j] - dot(a, ri, a, rj, j)) / d;
    }
  }
  // Row i of L⁻¹ = (e_i - sum_k L[i][k] row_k(L⁻¹)) / L[i][i]; row k of L⁻¹ is zero beyond column k.
  const inverseL = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let k = 0; k < i; k++) {
      const factor = a[ri + k];
      if (factor !== 0) axpy(inverseL, ri, inverseL, k * n, -factor, k + 1);
    }
    inverseL[ri + i] = 1;
    const scale = 1 / a[ri + i];
    for (let j = 0; j <= i; j++) inverseL[ri + j] *= scale;
  }
  // (L⁻ᵀ L⁻¹)[i][j] = sum over k >= max(i, j) of L⁻¹[k][i] L⁻¹[k][j]: lower triangle first, then mirrored.
  const inverse = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const rk = k * n;
    for (let i = 0; i <= k; i++) {
      const value = inverseL[rk + i];
      if (value !== 0) axpy(inverse, i * n, inverseL, rk, value, i + 1);
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) inverse[j * n + i] = inverse[i * n + j];
  return inverse;
}

function dot(x: Float64Array, x0: number, y: Float64Array, y0: number, length: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let k = 0;
  for (; k + 3 < length; k += 4) {
    s0 += x[x0 + k] * y[y0 + k];
    s1 += x[x0 + k + 1] * y[y0 + k + 1];
    s2 += x[x0 + k + 2] * y[y0 + k + 2];
    s3 += x[x0 + k + 3] * y[y0 + k + 3];
  }
  for (; k < length; k++) s0 += x[x0 + k] * y[y0 + k];
  return s0 + s1 + s2 + s3;
}

/** y[y0 ..] += factor * x[x0 ..] over `length` entries. */
function axpy(y: Float64Array, y0: number, x: Float64Array, x0: number, factor: number, length: number): void {
  let k = 0;
  for (; k + 3 < length; k += 4) {
    y[y0 + k] += factor * x[x0 + k];
    y[y0 + k + 1] += factor * x[x0 + k + 1];
    y[y0 + k + 2] += factor * x[x0 + k + 2];
    y[y0 + k + 3] += factor * x[x0 + k + 3];
  }
  for (; k < length; k++) y[y0 + k] += factor * x[x0 + k];
}
