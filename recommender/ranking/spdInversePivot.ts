/**
 * The small dense step of the blocked sweep: the inverse of one pivot block (at most a few dozen rows), by Cholesky
 * A = L Lᵀ, then L⁻¹ row by row, then A⁻¹ = L⁻ᵀ L⁻¹. Cubic in the block size only, so plain loops suffice.
 */

/**
 * Reads the lower triangle of the `size` x `size` block whose top-left corner is `data[start]` (row stride `stride`)
 * and writes minus its inverse into `out` (row-major, `paddedSize` wide; rows and columns past `size` are zeroed).
 * Throws when the block is not positive definite, naming the failing pivot as `firstIndex` + its position.
 */
export function writeNegatedPivotInverse(
  data: Float64Array, start: number, stride: number, size: number,
  out: Float64Array, paddedSize: number, firstIndex: number,
): void {
  const factor = new Float64Array(size * size);
  for (let j = 0; j < size; j++) {
    for (let i = j; i < size; i++) {
      let value = data[start + i * stride + j];
      for (let k = 0; k < j; k++) value -= factor[i * size + k] * factor[j * size + k];
      if (i === j) {
        if (!(value > 0)) throw new Error(`matrix is not positive definite (pivot ${firstIndex + j} is ${value})`);
        factor[j * size + j] = Math.sqrt(value);
      } else {
        factor[i * size + j] = value / factor[j * size + j];
      }
    }
  }
  // Row i of L⁻¹ = (e_i - sum over k < i of L[i][k] row_k(L⁻¹)) / L[i][i].
  const inverseL = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    inverseL[i * size + i] = 1;
    for (let k = 0; k < i; k++) {
      const l = factor[i * size + k];
      for (let j = 0; j <= k; j++) inverseL[i * size + j] -= l * inverseL[k * size + j];
    }
    const scale = 1 / factor[i * size + i];
    for (let j = 0; j <= i; j++) inverseL[i * size + j] *= scale;
  }
  out.fill(0, 0, paddedSize * paddedSize);
  // (L⁻ᵀ L⁻¹)[i][j] = sum over k >= max(i, j) of L⁻¹[k][i] L⁻¹[k][j].
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let k = i; k < size; k++) sum += inverseL[k * size + i] * inverseL[k * size + j];
      out[i * paddedSize + j] = -sum;
      out[j * paddedSize + i] = -sum;
    }
  }
}
