/**
 * Blocked symmetric sweep (block Gauss-Jordan without pivoting, stable for SPD matrices), in place on the lower
 * triangle. Sweeping the columns K of a symmetric B with pivot block P = B[K,K] does
 *   B[K,K] <- -P⁻¹,   B[i,K] <- Y[i] := B[i,K] P⁻¹,   B[i,j] <- B[i,j] - Y[i] B[j,K]ᵀ   (i, j outside K);
 * sweeping every column leaves -A⁻¹. Each step's last update is a rank-|K| product over the whole lower triangle:
 * about n³/2 multiply-adds in all, nearly every one in the 4 x 4 register-blocked kernel of spdInverseKernel.ts.
 * Each P is a Schur complement of A, so a P that is not positive definite means A is not.
 *
 * Working memory (Float64, one buffer shared with the kernel): the matrix padded to N = n rounded up to 4 (padding
 * stays zero, so it never changes a real entry), then W = B[:,K] and Y packed as strips of four rows
 * (strip t: entry [p][s] is row 4t+s, column p), then minus P⁻¹ packed as strips of four columns.
 */
import type { KernelInstance } from './spdInverseKernel';
import { writeNegatedPivotInverse } from './spdInversePivot';

/** Columns swept per step: wider means fewer passes over the matrix, but more work outside the kernel. */
export const SWEEP_BLOCK = 64;

/** Returns A⁻¹ (row-major n x n) computed with the kernel that `makeKernel` binds to a memory of the given size. */
export function sweepInverse(matrix: Float64Array, n: number, makeKernel: (bytes: number) => KernelInstance): Float64Array {
  const size = roundUpTo4(n);
  const panel = size * SWEEP_BLOCK;
  const layout = { size, w: size * size, y: size * size + panel, q: size * size + 2 * panel };
  const kernel = makeKernel(8 * (layout.q + SWEEP_BLOCK * SWEEP_BLOCK));
  const data = new Float64Array(kernel.buffer);
  for (let i = 0; i < n; i++) data.set(matrix.subarray(i * n, i * n + n), i * size);
  const pivotInverse = new Float64Array(SWEEP_BLOCK * SWEEP_BLOCK);
  for (let first = 0; first < n; first += SWEEP_BLOCK) {
    sweepColumns(data, kernel, layout, first, Math.min(n, first + SWEEP_BLOCK), pivotInverse);
  }
  return negatedSymmetricCopy(data, size, n);
}

interface Layout { size: number; w: number; y: number; q: number }

function sweepColumns(
  data: Float64Array, kernel: KernelInstance, layout: Layout, first: number, end: number, pivotInverse: Float64Array,
): void {
  const { size, w, y, q } = layout;
  const width = end - first;
  const depth = roundUpTo4(width); // the last step may be narrower; its padding columns are zero
  const strip = 4 * depth; // doubles per packed strip
  const [firstTile, endTile, tiles] = [first / 4, depth / 4 + first / 4, size / 4];

  writeNegatedPivotInverse(data, first * size + first, size, width, pivotInverse, depth, first);
  for (let t = 0; t < depth / 4; t++) {
    for (let p = 0; p < depth; p++) for (let s = 0; s < 4; s++) data[q + t * strip + 4 * p + s] = pivotInverse[p * depth + 4 * t + s];
  }
  // W: row r of B[:,K], read from the lower triangle (above K it is column r of rows K).
  data.fill(0, w, y + tiles * strip);
  for (let p = 0; p < width; p++) {
    const row = (first + p) * size;
    for (let r = 0; r < first; r++) data[w + (r >> 2) * strip + 4 * p + (r & 3)] = data[row + r];
  }
  for (let r = 4 * endTile; r < size; r++) {
    const at = w + (r >> 2) * strip + (r & 3);
    for (let p = 0; p < width; p++) data[at + 4 * p] = data[r * size + first + p];
  }
  // Y strip t, transposed (rows p, columns s) -= (-P⁻¹) Wᵀ: four rows of it per call.
  const update = kernel.update;
  const outside = (t: number): boolean => t < firstTile || t >= endTile;
  for (let t = 0; t < tiles; t++) {
    if (!outside(t)) continue;
    for (let k = 0; k < depth / 4; k++) update(8 * (y + t * strip + 16 * k), 32, 8 * (q + k * strip), 8 * (w + t * strip), 1, depth);
  }
  // B[i,j] -= Y[i] W[j]ᵀ on the lower triangle outside K, four rows a call (diagonal tiles in full).
  const rowBytes = 8 * size;
  for (let t = 0; t < tiles; t++) {
    if (!outside(t)) continue;
    const [row, yStrip] = [4 * t * rowBytes, 8 * (y + t * strip)];
    if (t < firstTile) {
      update(row, rowBytes, yStrip, 8 * w, t + 1, depth);
    } else {
      if (firstTile > 0) update(row, rowBytes, yStrip, 8 * w, firstTile, depth);
      update(row + 32 * endTile, rowBytes, yStrip, 8 * (w + endTile * strip), t - endTile + 1, depth);
    }
  }
  // The swept columns: Y outside K, -P⁻¹ inside.
  for (let p = 0; p < width; p++) {
    const row = (first + p) * size;
    for (let r = 0; r < first; r++) data[row + r] = data[y + (r >> 2) * strip + 4 * p + (r & 3)];
    for (let j = 0; j < width; j++) data[row + first + j] = pivotInverse[p * depth + j];
  }
  for (let r = 4 * endTile; r < size; r++) {
    const at = y + (r >> 2) * strip + (r & 3);
    for (let p = 0; p < width; p++) data[r * size + first + p] = data[at + 4 * p];
  }
}

/** -B from its lower triangle, mirrored, as a new n x n array; in 32 x 32 tiles so the mirrored writes stay cached. */
function negatedSymmetricCopy(data: Float64Array, size: number, n: number): Float64Array {
  const out = new Float64Array(n * n);
  const TILE = 32;
  for (let i0 = 0; i0 < n; i0 += TILE) {
    const i1 = Math.min(n, i0 + TILE);
    for (let j0 = 0; j0 <= i0; j0 += TILE) {
      for (let i = i0; i < i1; i++) {
        const j1 = Math.min(i + 1, j0 + TILE);
        for (let j = j0; j < j1; j++) {
          const value = -data[i * size + j];
          out[i * n + j] = value;
          out[j * n + i] = value;
        }
      }
    }
  }
  return out;
}

function roundUpTo4(value: number): number {
  return (value + 3) & ~3;
}
