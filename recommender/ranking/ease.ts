/**
 * EASE item-item model (Steck 2019, "Embarrassingly Shallow Autoencoders"): over the binary customer x item matrix X,
 * P = (XᵀX + λI)⁻¹ and B = I - P·diagMat(1/diag(P)), i.e. B[i][j] = -P[i][j] / P[j][j] off the diagonal and 0 on it.
 * A customer's score for j is the sum of B[i][j] over the items i they bought. The dense inverse costs about K³/2
 * multiply-adds, so only the `maxItems` items with the most distinct buyers enter the model.
 */
import { invertSymmetricPositiveDefinite } from './spdInverse';
import { selectTopByValue } from './selectTop';

export interface EaseOptions {
  /** L2 regularisation λ added to the Gram diagonal. */
  lambda: number;
  /** Items kept in the model (the most bought by distinct customers); bounds the build at about K³/2 operations. */
  maxItems: number;
}

export interface EaseSource {
  item: number;
  /** Weight of the bought item (1 in the plain model). */
  weight: number;
}

export interface EaseCandidate {
  item: number;
  value: number;
  /** The bought item that contributed most to `value`. */
  source: number;
}

export class EaseModel {
  private readonly scores: Float64Array;
  /** Model positions with a positive score in one request (reused, read up to a count). */
  private readonly positive: number[] = [];

  private constructor(
    /** Model position -> item. */
    private readonly items: Int32Array,
    /** Item -> model position (-1: outside the model). */
    private readonly positions: Int32Array,
    /** B, row-major, K x K. */
    private readonly weights: Float32Array,
  ) {
    this.scores = new Float64Array(items.length);
  }

  get size(): number {
    return this.items.length;
  }

  /** What a fit computed, to keep it (fitCache.ts): `restore` of these parts is the same model, bit for bit. */
  parts(): { items: Int32Array; itemCount: number; weights: Float32Array } {
    return { items: this.items, itemCount: this.positions.length, weights: this.weights };
  }

  static restore({ items, itemCount, weights }: { items: Int32Array; itemCount: number; weights: Float32Array }): EaseModel {
    const k = items.length;
    if (weights.length !== k * k) throw new Error(`EASE weights: ${weights.length} values for ${k} items`);
    const positions = new Int32Array(itemCount).fill(-1);
    items.forEach((item, position) => {
      if (!(item >= 0 && item < itemCount) || positions[item] >= 0) throw new Error(`EASE items: bad item ${item}`);
      positions[item] = position;
    });
    return new EaseModel(items, positions, weights);
  }

  /**
   * Fits the model on each customer's set of distinct items (`itemCount` bounds the item indexes).
   * A change to what this computes must bump FIT_VERSIONS.ease (domain/modelCache.ts): kept fits would be restored otherwise.
   */
  static fit(customers: Iterable<Iterable<number>>, itemCount: number, options: EaseOptions): EaseModel {
    if (!(options.lambda > 0)) throw new Error(`EASE lambda must be positive, got ${options.lambda}`);
    const baskets = Array.from(customers, (items) => Int32Array.from(items));
    const buyers = new Float64Array(itemCount);
    for (const basket of baskets) for (const item of basket) buyers[item]++;
    const bought: number[] = [];
    for (let item = 0; item < itemCount; item++) if (buyers[item] > 0) bought.push(item);
    const items = Int32Array.from(selectTopByValue(bought, Math.max(0, Math.floor(options.maxItems)), buyers));
    const positions = new Int32Array(itemCount).fill(-1);
    items.forEach((item, position) => { positions[item] = position; });
    const k = items.length;
    const gram = new Float64Array(k * k);
    for (const basket of baskets) {
      const inModel = Array.from(basket, (item) => positions[item]).filter((position) => position >= 0);
      for (const a of inModel) {
        const row = a * k;
        for (const b of inModel) gram[row + b]++;
      }
    }
    for (let i = 0; i < k; i++) gram[i * k + i] += options.lambda;
    const p = k > 0 ? invertSymmetricPositiveDefinite(gram, k) : gram;
    const weights = new Float32Array(k * k);
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) if (i !== j) weights[i * k + j] = -p[i * k + j] / p[j * k + j];
    }
    return new EaseModel(items, positions, weights);
  }

  /** B[from][to], 0 when either item is outside the model. */
  weight(from: number, to: number): number {
    const a = this.positionOf(from);
    const b = this.positionOf(to);
    return a < 0 || b < 0 ? 0 : this.weights[a * this.items.length + b];
  }

  /**
   * The `candidates` items with the highest positive sum of weight(source) * B[source][item], excluding items
   * `allowed` rejects and (unless `includeSources`, as plain EASE does) the sources themselves; strongest first
   * (ties: the item with more buyers first).
   */
  recommend(sources: readonly EaseSource[], candidates: number, allowed: (item: number) => boolean, includeSources = false): EaseCandidate[] {
    const k = this.items.length;
    const scores = this.scores;
    const used: EaseSource[] = [];
    for (const source of sources) {
      const position = this.positionOf(source.item);
      if (position < 0 || source.weight === 0) continue;
      used.push(source);
      const row = position * k;
      const w = source.weight;
      for (let j = 0; j < k; j++) scores[j] += w * this.weights[row + j];
    }
    if (used.length === 0) return [];
    if (!includeSources) for (const source of sources) {
      const position = this.positionOf(source.item);
      if (position >= 0) scores[position] = 0;
    }
    const positive = this.positive;
    let count = 0;
    for (let j = 0; j < k; j++) if (scores[j] > 0) positive[count++] = j;
    const kept = selectTopByValue(positive, candidates, scores, (position) => allowed(this.items[position]), count);
    const out = kept.map((position) => ({ item: this.items[position], value: scores[position], source: this.strongestSource(used, position) }));
    scores.fill(0);
    return out;
  }

  private strongestSource(sources: readonly EaseSource[], position: number): number {
    let best = -1;
    let bestValue = 0;
    for (const { item, weight } of sources) {
      const value = weight * this.weights[this.positionOf(item) * this.items.length + position];
      if (value > bestValue) {
        bestValue = value;
        best = item;
      }
    }
    return best;
  }

  private positionOf(item: number): number {
    return item >= 0 && item < this.positions.length ? this.positions[item] : -1;
  }
}
