/**
 * A small learnt ranker: non-negative linear weights over signal features, fitted by pairwise logistic loss
 * (RankNet with a linear scorer): for each (bought, not bought) pair of one customer's candidates, push
 * w·x_bought above w·x_other. Weights stay >= 0 so every signal's contribution, and so every reason, stays honest.
 */
export interface PairSet {
  /** Feature count. */
  width: number;
  /** Flat x_bought - x_other per pair. */
  diffs: Float64Array;
  /** Weight of each pair (a customer's pairs sum to that customer's share). */
  weights: Float64Array;
  count: number;
}

export class PairCollector {
  private diffs: Float64Array;
  private weights: Float64Array;
  count = 0;

  constructor(readonly width: number, capacity = 1024) {
    this.diffs = new Float64Array(capacity * width);
    this.weights = new Float64Array(capacity);
  }

  add(better: ArrayLike<number>, worse: ArrayLike<number>, weight: number): void {
    if (this.count === this.weights.length) {
      const diffs = new Float64Array(this.diffs.length * 2);
      diffs.set(this.diffs);
      this.diffs = diffs;
      const weights = new Float64Array(this.weights.length * 2);
      weights.set(this.weights);
      this.weights = weights;
    }
    const at = this.count * this.width;
    for (let f = 0; f < this.width; f++) this.diffs[at + f] = better[f] - worse[f];
    this.weights[this.count++] = weight;
  }

  pairs(): PairSet {
    return { width: this.width, diffs: this.diffs.subarray(0, this.count * this.width), weights: this.weights.subarray(0, this.count), count: this.count };
  }
}

export interface FitOptions {
  iterations: number;
  learningRate: number;
  /** L2 penalty: with no evidence a weight sinks to 0. */
  l2: number;
  /** Starting weights (length = width). */
  start: readonly number[];
}

/** Projected Adam on the weighted pairwise logistic loss + l2/2 |w|^2; returns w >= 0. */
export function fitPairwise(set: PairSet, options: FitOptions): number[] {
  const { width, diffs, weights, count } = set;
  const w = Float64Array.from(options.start);
  const m = new Float64Array(width);
  const v = new Float64Array(width);
  const grad = new Float64Array(width);
  let total = 0;
  for (let p = 0; p < count; p++) total += weights[p];
  if (total <= 0) return Array.from(w);
  for (let t = 1; t <= options.iterations; t++) {
    grad.fill(0);
    for (let p = 0; p < count; p++) {
      const at = p * width;
      let margin = 0;
      for (let f = 0; f < width; f++) margin += w[f] * diffs[at + f];
      // d/dmargin log(1 + e^-margin) = -1 / (1 + e^margin)
      const g = -weights[p] / (1 + Math.exp(margin)) / total;
      for (let f = 0; f < width; f++) grad[f] += g * diffs[at + f];
    }
    for (let f = 0; f < width; f++) {
      const gf = grad[f] + options.l2 * w[f];
      m[f] = 0.9 * m[f] + 0.1 * gf;
      v[f] = 0.999 * v[f] + 0.001 * gf * gf;
      const step = (options.learningRate * (m[f] / (1 - 0.9 ** t))) / (Math.sqrt(v[f] / (1 - 0.999 ** t)) + 1e-9);
      w[f] = Math.max(0, w[f] - step);
    }
  }
  return Array.from(w);
}
