/**
 * Item-to-item co-purchase from baskets (one order = one basket). Each basket weighs
 * recency growth / basketSize^sizeExponent, so recent and focused baskets count more than old bulk orders.
 * An item's neighbour list keeps its `cap` strongest co-purchased items by raw co-weight; the list of an
 * item is recomputed lazily, only after a new basket containing it arrives, which is exactly when its raw
 * co-weights change. Popularity normalisation is applied when reading (see `similarity`), so lists never go stale.
 */
import type { BasketLog } from './basketLog';
import { recencyGrowth } from './decay';
import { selectTopByValue, selectTopByValueUnordered } from './selectTop';

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

/** An item's strongest co-purchased items with their raw co-weights, in no particular order (readers sum or select). */
export interface NeighbourList {
  items: Int32Array;
  coWeights: Float64Array;
}

const EMPTY: NeighbourList = { items: new Int32Array(0), coWeights: new Float64Array(0) };

export class CoPurchaseGraph {
  private readonly basketWeight: number[] = [];
  /** Sum of the weights of the baskets holding each item. */
  private itemMass = new Float64Array(64);
  /** mass^alpha and mass^beta, brought up to date before a read (refreshNorms): adding a basket does no Math.pow. */
  private massAlpha = new Float64Array(64);
  private massBeta = new Float64Array(64);
  private normStale = new Uint8Array(64);
  private readonly staleNorms: number[] = [];
  /** A basket weighing exactly 0 (a date so old its decayed weight underflows): joint warming must then check sums. */
  private zeroWeight = false;
  private readonly neighbourCache: (NeighbourList | null)[] = [];
  private scratch = new Float64Array(0);
  /** Items met while computing one list (reused across lists: a list leaves no garbage but its result). */
  private readonly touched: number[] = [];

  /** `log` holds the baskets; graphs that differ only in their options share one (see BasketLog). */
  constructor(readonly options: CoPurchaseOptions, private readonly log: BasketLog) {}

  /** Weighs basket `basket` of the log (already added there), bought at `time`. */
  addBasket(basket: number, time: number): void {
    const items = this.log.items;
    const start = this.log.start(basket);
    const end = this.log.start(basket + 1);
    if (end === start) return;
    const weight = recencyGrowth(time, this.options.tauDays) / Math.pow(end - start, this.options.sizeExponent);
    while (this.basketWeight.length < basket) this.basketWeight.push(0);
    this.basketWeight[basket] = weight;
    if (weight === 0) this.zeroWeight = true;
    for (let k = start; k < end; k++) {
      const item = items[k];
      this.ensureItem(item);
      this.itemMass[item] += weight;
      if (this.normStale[item] === 0) {
        this.normStale[item] = 1;
        this.staleNorms.push(item);
      }
      this.neighbourCache[item] = null;
    }
  }

  mass(item: number): number {
    return item < this.neighbourCache.length ? this.itemMass[item] : 0;
  }

  /** The `cap` strongest co-purchased items of `item` by raw co-weight (ties by index), computed on first use; unordered. */
  neighbours(item: number): NeighbourList {
    if (item >= this.neighbourCache.length) return EMPTY;
    const cached = this.neighbourCache[item];
    if (cached) return cached;
    const computed = this.computeNeighbours(item);
    this.neighbourCache[item] = computed;
    return computed;
  }

  /** mass^alpha of a source item (divide the source's weight by it once, not per neighbour). */
  sourceNorm(item: number): number {
    this.refreshNorms();
    return item < this.neighbourCache.length ? this.massAlpha[item] : 0;
  }

  /** mass^beta per item, for hot loops: similarity = coWeight / (sourceNorm(from) * targetNorms[to]). */
  get targetNorms(): Float64Array {
    this.refreshNorms();
    return this.massBeta;
  }

  /** Popularity-normalised similarity of neighbour `to` given the raw co-weight from `from`. */
  similarity(from: number, to: number, coWeight: number): number {
    this.refreshNorms();
    return coWeight / (this.massAlpha[from] * this.massBeta[to]);
  }

  /** Computes every missing neighbour list now (after a bulk build), so requests never pay for it. */
  warm(itemCount: number): void {
    for (let item = 0; item < Math.min(itemCount, this.neighbourCache.length); item++) this.neighbours(item);
  }

  /**
   * warm() for two graphs on one basket log: each item's baskets are read once for both (the lists are exactly
   * those warm() computes one graph at a time).
   */
  static warmPair(a: CoPurchaseGraph, b: CoPurchaseGraph, itemCount: number): void {
    if (a.log !== b.log) throw new Error('warmPair needs graphs on one basket log');
    const size = Math.min(itemCount, a.neighbourCache.length);
    for (let item = 0; item < size; item++) {
      if (a.neighbourCache[item] && b.neighbourCache[item]) continue;
      if (!a.neighbourCache[item] && !b.neighbourCache[item]) CoPurchaseGraph.computePair(a, b, item);
      else (a.neighbourCache[item] ? b : a).neighbours(item);
    }
  }

  private static computePair(a: CoPurchaseGraph, b: CoPurchaseGraph, item: number): void {
    const accA = a.scratchArray();
    const accB = b.scratchArray();
    const touched = a.touched;
    let count = 0;
    const items = a.log.items;
    const baskets = a.log.basketsOf[item];
    const weightsA = a.basketWeight;
    const weightsB = b.basketWeight;
    for (let n = 0; n < baskets.length; n++) {
      const basket = baskets[n];
      const wa = weightsA[basket];
      const wb = weightsB[basket];
      for (let k = a.log.start(basket), end = a.log.start(basket + 1); k < end; k++) {
        const other = items[k];
        if (other === item) continue;
        if (accA[other] === 0 && accB[other] === 0) touched[count++] = other;
        accA[other] += wa;
        accB[other] += wb;
      }
    }
    a.neighbourCache[item] = a.listOf(touched, count, accA);
    b.neighbourCache[item] = b.listOf(touched, count, accB);
    for (let n = 0; n < count; n++) {
      accA[touched[n]] = 0;
      accB[touched[n]] = 0;
    }
  }

  private scratchArray(): Float64Array {
    if (this.scratch.length < this.neighbourCache.length) this.scratch = new Float64Array(this.neighbourCache.length * 2);
    return this.scratch;
  }

  /** The `cap` strongest of touched[0 .. count) by `acc`, as a list; items this graph never saw with them (sum 0) are left out. */
  private listOf(touched: readonly number[], count: number, acc: Float64Array): NeighbourList {
    const kept = this.zeroWeight
      ? selectTopByValue(touched, this.options.cap, acc, (other) => acc[other] > 0, count)
      : selectTopByValueUnordered(touched, this.options.cap, acc, count);
    const items = new Int32Array(kept.length);
    const coWeights = new Float64Array(kept.length);
    for (let k = 0; k < kept.length; k++) {
      items[k] = kept[k];
      coWeights[k] = acc[kept[k]];
    }
    return { items, coWeights };
  }

  private computeNeighbours(item: number): NeighbourList {
    const acc = this.scratchArray();
    const touched = this.touched;
    let count = 0;
    const items = this.log.items;
    const baskets = this.log.basketsOf[item];
    const weights = this.basketWeight;
    for (let n = 0; n < baskets.length; n++) {
      const basket = baskets[n];
      const weight = weights[basket];
      for (let k = this.log.start(basket), end = this.log.start(basket + 1); k < end; k++) {
        const other = items[k];
        if (other === item) continue;
        if (acc[other] === 0) touched[count++] = other;
        acc[other] += weight;
      }
    }
    const list = this.listOf(touched, count, acc);
    for (let n = 0; n < count; n++) acc[touched[n]] = 0;
    return list;
  }

  private refreshNorms(): void {
    const { alpha, beta } = this.options;
    for (const item of this.staleNorms) {
      this.massAlpha[item] = Math.pow(this.itemMass[item], alpha);
      this.massBeta[item] = Math.pow(this.itemMass[item], beta);
      this.normStale[item] = 0;
    }
    this.staleNorms.length = 0;
  }

  private ensureItem(item: number): void {
    if (item >= this.itemMass.length) {
      const length = Math.max(item + 1, this.itemMass.length * 2);
      this.itemMass = grownTo(this.itemMass, length);
      this.massAlpha = grownTo(this.massAlpha, length);
      this.massBeta = grownTo(this.massBeta, length);
      const stale = new Uint8Array(length);
      stale.set(this.normStale);
      this.normStale = stale;
    }
    while (this.neighbourCache.length <= item) this.neighbourCache.push(null);
  }
}

function grownTo(array: Float64Array<ArrayBuffer>, length: number): Float64Array<ArrayBuffer> {
  const copy = new Float64Array(length);
  copy.set(array);
  return copy;
}

/** Dense per-item accumulators for one request's co-purchase sums; `reset` clears only what was touched. */
export class CoPurchaseScratch {
  readonly sums: Float64Array;
  readonly bestValue: Float64Array;
  readonly bestSource: Int32Array;
  /** Items with a sum: touched[0 .. touchedCount). The array is reused, never shrunk (no garbage per request). */
  readonly touched: number[] = [];
  touchedCount = 0;

  constructor(readonly size: number) {
    this.sums = new Float64Array(size);
    this.bestValue = new Float64Array(size);
    this.bestSource = new Int32Array(size).fill(-1);
  }

  reset(): void {
    for (let n = 0; n < this.touchedCount; n++) {
      const item = this.touched[n];
      this.sums[item] = 0;
      this.bestValue[item] = 0;
      this.bestSource[item] = -1;
    }
    this.touchedCount = 0;
  }
}
