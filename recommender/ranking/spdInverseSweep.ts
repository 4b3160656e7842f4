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
import type { KernelInstance, RankUpdate } from './spdInverseKernel';
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

/** One sweep step over columns [first, first + width), in doubles; the packed panels are `depth` deep. */
interface Step extends Layout { first: number; width: number; depth: number; strip: number; firstTile: number; endTile: number }

function sweepColumns(
  data: Float64Array, kernel: KernelInstance, layout: Layout, first: number, end: number, pivotInverse: Float64Array,
): void {
  const width = end - first;
  const depth = roundUpTo4(width); // the last step may be narrower; its padding columns stay zero
  const step: Step = { ...layout, first, width, depth, strip: 4 * depth, firstTile: first / 4, endTile: (first + depth) / 4 };
  const { size, w, y, q, strip } = step;
  writeNegatedPivotInverse(data, first * size + first, size, width, pivotInverse, depth, first);
  for (let t = 0; t < depth / 4; t++) {
    for (let p = 0; p < depth; p++) {
      for (let s = 0; s < 4; s++) data[q + t * strip + 4 * p + s] = pivotInverse[p * depth + 4 * t + s];
    }
  }
  data.fill(0, w, y + (size / 4) * strip);
  moveSweptColumns(data, step, w, 'pack');
  multiplyAndUpdate(kernel.update, step);
  moveSweptColumns(data, step, y, 'unpack');
  for (let p = 0; p < width; p++) data.set(pivotInverse.subarray(p * depth, p * depth + width), (first + p) * size + first);
}

/**
 * Copies B[r, K] for every row r outside K between the matrix and the panel at `panel` (strip r/4, entry [p][r%4]).
 * Only the lower triangle is kept up to date, so above K the entries are read from (written to) column r of rows K.
 */
function moveSweptColumns(data: Float64Array, step: Step, panel: number, direction: 'pack' | 'unpack'): void {
  const { size, first, width, strip, endTile } = step;
  const pack = direction === 'pack';
  for (let p = 0; p < width; p++) {
    const row = (first + p) * size;
    for (let r = 0; r < first; r++) {
      const at = panel + (r >> 2) * strip + 4 * p + (r & 3);
      if (pack) data[at] = data[row + r];
      else data[row + r] = data[at];
    }
  }
  for (let r = 4 * endTile; r < size; r++) {
    const [at, row] = [panel + (r >> 2) * strip + (r & 3), r * size + first];
    if (pack) for (let p = 0; p < width; p++) data[at + 4 * p] = data[row + p];
    else for (let p = 0; p < width; p++) data[row + p] = data[at + 4 * p];
  }
}

/** Y = W P⁻¹, then B[i,j] -= Y[i] W[j]ᵀ on the lower triangle outside K: the kernel's work, in byte offsets. */
function multiplyAndUpdate(update: RankUpdate, step: Step): void {
  const { size, depth, firstTile, endTile } = step;
  const [w, y, q, strip, rowBytes] = [8 * step.w, 8 * step.y, 8 * step.q, 8 * step.strip, 8 * size];
  const tiles = size / 4;
  // Strip t of Y, seen as rows p and columns s, is 0 - (-P⁻¹) Wᵀ: four of its rows per call.
  for (let t = 0; t < tiles; t++) {
    if (t >= firstTile && t < endTile) continue;
    for (let k = 0; k < depth / 4; k++) update(y + t * strip + 128 * k, 32, q + k * strip, w + t * strip, 1, depth);
  }
  // Four rows of B per call, up to and including the diagonal tile (computed in full: its upper half is unused).
  for (let t = 0; t < tiles; t++) {
    if (t >= firstTile && t < endTile) continue;
    const [row, yStrip] = [4 * t * rowBytes, y + t * strip];
    if (t < firstTile) {
      update(row, rowBytes, yStrip, w, t + 1, depth);
    } else {
      if (firstTile > 0) update(row, rowBytes, yStrip, w, firstTile, depth);
      update(row + 32 * endTile, rowBytes, yStrip, w + endTile * strip, t - endTile + 1, depth);
    }
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
