/**
 * Inverse of a symmetric positive definite matrix (dense, row-major) through its Cholesky factor:
 * A = L Lᵀ, then L⁻¹ row by row, then A⁻¹ = L⁻ᵀ L⁻¹. Every inner loop runs along a contiguous row, unrolled by four,
 * about n³/2 multiply-adds in all (a 2,000 x 2,000 matrix takes a few seconds in plain JavaScript).
 */

/** Returns A⁻¹ as a new array; `matrix` (n x n) is overwritten with the Cholesky factor. */
export function invertSymmetricPositiveDefinite(matrix: Float64Array, n: number): Float64Array {
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
