/**
 * User-based neighbours: customers whose bought items overlap most with the customer's (cosine over distinct
 * items, with shrinkage), found through an item -> buyers inverted index, so a request touches only the buyers
 * of the customer's own items. An item scores the summed similarity of the neighbours who bought it.
 */
import { selectTopByValue } from './selectTop';

export interface SimilarCustomerParameters {
  /** Neighbours kept per request. */
  neighbours: number;
  /** Latest buyers read per owned item (bounds the cost of very popular items). */
  buyersPerItem: number;
  /** Added to the cosine denominator so tiny overlaps with tiny histories do not look perfect. */
  shrink: number;
  /** Items kept per request (the strongest sums). */
  candidates: number;
  /** An item's sum is divided by its buyer count to this power (0: none), so bestsellers do not crowd the list. */
  popularityExponent: number;
}

export class BuyerIndex {
  private readonly customerIndex = new Map<string, number>();
  /** Distinct items per customer (customer index order) and distinct buyers per item (first purchase order). */
  private readonly customerItems: number[][] = [];
  private readonly itemBuyers: number[][] = [];
  /** sqrt(distinct items) per customer and buyer count per item, contiguous: a request reads thousands of them. */
  private customerNorms = new Float64Array(64);
  private buyerCounts = new Float64Array(64);
  /** buyerCounts[item] ^ popularityDamping.exponent, kept current as counts change (a request does no Math.pow per item). */
  private popularityDamping = { exponent: Number.NaN, divisors: new Float64Array(0) };
  private overlap = new Float64Array(0);
  private itemSums = new Float64Array(0);
  private ownMark = new Uint8Array(0);
  /** Per-request lists, reused (read up to a count, never shrunk): a request leaves little garbage. */
  private readonly metCustomers: number[] = [];
  private readonly touchedItems: number[] = [];
  private readonly discoveryItems: number[] = [];

  /** Records that `customerId` bought `item` for the first time. */
  addFirstPurchase(customerId: string, item: number): void {
    let customer = this.customerIndex.get(customerId);
    if (customer === undefined) {
      customer = this.customerItems.length;
      this.customerIndex.set(customerId, customer);
      this.customerItems.push([]);
      this.customerNorms = grown(this.customerNorms, customer);
    }
    while (this.itemBuyers.length <= item) this.itemBuyers.push([]);
    this.buyerCounts = grown(this.buyerCounts, item);
    this.customerItems[customer].push(item);
    this.itemBuyers[item].push(customer);
    this.customerNorms[customer] = Math.sqrt(this.customerItems[customer].length);
    this.buyerCounts[item]++;
    const damping = this.popularityDamping;
    if (item < damping.divisors.length) damping.divisors[item] = Math.pow(this.buyerCounts[item], damping.exponent);
  }

  /** buyers(item)^exponent for every item, computed once per exponent and then kept current. */
  private popularityDivisors(exponent: number): Float64Array {
    const damping = this.popularityDamping;
    if (damping.exponent !== exponent || damping.divisors.length < this.itemBuyers.length) {
      const divisors = new Float64Array(this.buyerCounts.length);
      for (let item = 0; item < divisors.length; item++) divisors[item] = Math.pow(this.buyerCounts[item], exponent);
      this.popularityDamping = { exponent, divisors };
    }
    return this.popularityDamping.divisors;
  }

  /**
   * Items the customer has not bought, bought by their nearest neighbours, with the neighbours' summed similarity
   * (divided by buyers^popularityExponent); strongest first, at most `candidates`. When `ownOut` is given, the customer's
   * own items their neighbours also bought are pushed to it with the same sums (TIFU-KNN's neighbour part on re-buys).
   */
  score(
    customerId: string, params: SimilarCustomerParameters, allowed: (item: number) => boolean, ownOut?: { item: number; value: number }[],
  ): { item: number; value: number }[] {
    const customer = this.customerIndex.get(customerId);
    if (customer === undefined) return [];
    const own = this.customerItems[customer];
    if (this.overlap.length < this.customerItems.length) this.overlap = new Float64Array(this.customerItems.length * 2);
    if (this.itemSums.length < this.itemBuyers.length) {
      this.itemSums = new Float64Array(this.itemBuyers.length * 2);
      this.ownMark = new Uint8Array(this.itemBuyers.length * 2);
    }
    const overlap = this.overlap;
    const met = this.metCustomers;
    let metCount = 0;
    for (const item of own) {
      const buyers = this.itemBuyers[item];
      for (let k = buyers.length - 1; k >= Math.max(0, buyers.length - params.buyersPerItem); k--) {
        const other = buyers[k];
        if (other === customer) continue;
        if (overlap[other] === 0) met[metCount++] = other;
        overlap[other]++;
      }
    }
    // Overlap counts become cosine similarities in place.
    const ownNorm = this.customerNorms[customer];
    const norms = this.customerNorms;
    for (let n = 0; n < metCount; n++) overlap[met[n]] /= ownNorm * norms[met[n]] + params.shrink;
    const nearest = selectTopByValue(met, params.neighbours, overlap, undefined, metCount);
    const sims = nearest.map((other) => overlap[other]);
    for (let n = 0; n < metCount; n++) overlap[met[n]] = 0;

    const sums = this.itemSums;
    const ownMark = this.ownMark;
    for (const item of own) ownMark[item] = 1;
    const touched = this.touchedItems;
    let touchedCount = 0;
    for (let n = 0; n < nearest.length; n++) {
      const sim = sims[n];
      for (const item of this.customerItems[nearest[n]]) {
        if (ownMark[item] === 1 && !ownOut) continue;
        if (sums[item] === 0) touched[touchedCount++] = item;
        sums[item] += sim;
      }
    }
    if (params.popularityExponent > 0) {
      const divisors = this.popularityDivisors(params.popularityExponent);
      for (let n = 0; n < touchedCount; n++) sums[touched[n]] /= divisors[touched[n]];
    }
    let discovery = touched;
    let discoveryCount = touchedCount;
    if (ownOut) {
      discovery = this.discoveryItems;
      discoveryCount = 0;
      for (let n = 0; n < touchedCount; n++) {
        const item = touched[n];
        if (ownMark[item] === 0) discovery[discoveryCount++] = item;
        else if (allowed(item)) ownOut.push({ item, value: sums[item] });
      }
    }
    // The rules run only for items that would rank, not once per neighbour who bought an item.
    const kept = selectTopByValue(discovery, params.candidates, sums, allowed, discoveryCount);
    const out = kept.map((item) => ({ item, value: sums[item] }));
    for (let n = 0; n < touchedCount; n++) sums[touched[n]] = 0;
    for (const item of own) ownMark[item] = 0;
    return out;
  }
}

/** `array`, or a copy twice as long when `index` does not fit. */
function grown(array: Float64Array<ArrayBuffer>, index: number): Float64Array<ArrayBuffer> {
  if (index < array.length) return array;
  const copy = new Float64Array(Math.max(index + 1, array.length * 2));
  copy.set(array);
  return copy;
}
