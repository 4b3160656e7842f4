/**
 * Item-to-item co-purchase from baskets (one order = one basket). Each basket weighs
 * recency growth / basketSize^sizeExponent, so recent and focused baskets count more than old bulk orders.
 * An item's neighbour list keeps its `cap` strongest co-purchased items by raw co-weight; the list of an
 * item is recomputed lazily, only after a new basket containing it arrives, which is exactly when its raw
 * co-weights change. Popularity normalisation is applied when reading (see `similarity`), so lists never go stale.
 */
import { recencyGrowth } from './decay';
import { selectTop } from './selectTop';

export interface CoPurchaseOptions {
  /** Neighbours kept per item. */
  cap: number;
  /** Time-decay constant of basket weights, in days (Infinity: no decay). */
  tauDays: number;
  /** Basket weight divided by size^exponent (0: every basket counts the same). */
  sizeExponent: number;
  /** Exponents of the similarity C(j,i) / (mass(j)^alpha * mass(i)^beta). */
  alpha: number;
  beta: number;
}

export interface NeighbourList {
  items: Int32Array;
  coWeights: Float64Array;
}

const EMPTY: NeighbourList = { items: new Int32Array(0), coWeights: new Float64Array(0) };

export class CoPurchaseGraph {
  private readonly basketItems: Int32Array[] = [];
  private readonly basketWeight: number[] = [];
  private readonly itemBaskets: number[][] = [];
  /** Sum of the weights of the baskets holding each item. */
  private readonly itemMass: number[] = [];
  /** mass^alpha and mass^beta, kept current in addBasket so reads do no Math.pow. */
  private readonly massAlpha: number[] = [];
  private readonly massBeta: number[] = [];
  private readonly neighbourCache: (NeighbourList | null)[] = [];
  private scratch = new Float64Array(0);

  constructor(readonly options: CoPurchaseOptions) {}

  /** Records one basket of distinct item indices bought at `time`. */
  addBasket(items: readonly number[], time: number): void {
    if (items.length === 0) return;
    const basket = this.basketItems.length;
    const weight = recencyGrowth(time, this.options.tauDays) / Math.pow(items.length, this.options.sizeExponent);
    this.basketItems.push(Int32Array.from(items));
    this.basketWeight.push(weight);
    for (const item of items) {
      this.ensureItem(item);
      this.itemBaskets[item].push(basket);
      this.itemMass[item] += weight;
      this.massAlpha[item] = Math.pow(this.itemMass[item], this.options.alpha);
      this.massBeta[item] = Math.pow(this.itemMass[item], this.options.beta);
      this.neighbourCache[item] = null;
    }
  }

  mass(item: number): number {
    return this.itemMass[item] ?? 0;
  }

  /** Strongest co-purchased items of `item` by raw co-weight (ties by index), computed on first use. */
  neighbours(item: number): NeighbourList {
    if (item >= this.itemBaskets.length) return EMPTY;
    const cached = this.neighbourCache[item];
    if (cached) return cached;
    const computed = this.computeNeighbours(item);
    this.neighbourCache[item] = computed;
    return computed;
  }

  /** mass^alpha of a source item (divide the source's weight by it once, not per neighbour). */
  sourceNorm(item: number): number {
    return this.massAlpha[item] ?? 0;
  }

  /** mass^beta per item, for hot loops: similarity = coWeight / (sourceNorm(from) * targetNorms[to]). */
  get targetNorms(): readonly number[] {
    return this.massBeta;
  }

  /** Popularity-normalised similarity of neighbour `to` given the raw co-weight from `from`. */
  similarity(from: number, to: number, coWeight: number): number {
    return coWeight / (this.massAlpha[from] * this.massBeta[to]);
  }

  /** Computes every missing neighbour list now (after a bulk build), so requests never pay for it. */
  warm(itemCount: number): void {
    for (let item = 0; item < Math.min(itemCount, this.itemBaskets.length); item++) this.neighbours(item);
  }

  private computeNeighbours(item: number): NeighbourList {
    if (this.scratch.length < this.itemBaskets.length) this.scratch = new Float64Array(this.itemBaskets.length * 2);
    const acc = this.scratch;
    const touched: number[] = [];
    for (const basket of this.itemBaskets[item]) {
      const weight = this.basketWeight[basket];
      for (const other of this.basketItems[basket]) {
        if (other === item) continue;
        if (acc[other] === 0) touched.push(other);
        acc[other] += weight;
      }
    }
    const kept = selectTop(touched, this.options.cap, (a, b) => acc[a] > acc[b] || (acc[a] === acc[b] && a < b));
    const list: NeighbourList = { items: Int32Array.from(kept), coWeights: Float64Array.from(kept, (other) => acc[other]) };
    for (const other of touched) acc[other] = 0;
    return list;
  }

  private ensureItem(item: number): void {
    while (this.itemBaskets.length <= item) {
      this.itemBaskets.push([]);
      this.itemMass.push(0);
      this.massAlpha.push(0);
      this.massBeta.push(0);
      this.neighbourCache.push(null);
    }
  }
}


/** Dense per-item accumulators for one request's co-purchase sums; `reset` clears only what was touched. */
export class CoPurchaseScratch {
  readonly sums: Float64Array;
  readonly bestValue: Float64Array;
  readonly bestSource: Int32Array;
  readonly touched: number[] = [];

  constructor(readonly size: number) {
    this.sums = new Float64Array(size);
    this.bestValue = new Float64Array(size);
    this.bestSource = new Int32Array(size).fill(-1);
  }

  reset(): void {
    for (const item of this.touched) {
      this.sums[item] = 0;
      this.bestValue[item] = 0;
      this.bestSource[item] = -1;
    }
    this.touched.length = 0;
  }
}
