/**
 * User-based neighbours: customers whose bought items overlap most with the customer's (cosine over distinct
 * items, with shrinkage), found through an item -> buyers inverted index, so a request touches only the buyers
 * of the customer's own items. An item scores the summed similarity of the neighbours who bought it.
 */
import { PackedLists } from './packedLists';
import { selectTopByValue, selectTopPositions } from './selectTop';

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
  /** Distinct items per customer (customer index order) and distinct buyers per item (first purchase order), flat. */
  private readonly customerItems = new PackedLists();
  private readonly itemBuyers = new PackedLists();
  /**
   * Per customer, two numbers side by side: [2c] the request's overlap count (0 between requests) and [2c + 1] their
   * distinct items; a request reads both for each of the ~2,000 customers it meets, so one cache line serves both.
   */
  private customerState = new Int32Array(128);
  /** Buyer count per item, contiguous: a request reads thousands of them. */
  private buyerCounts = new Float64Array(64);
  /** buyerCounts[item] ^ popularityDamping.exponent, kept current as counts change (a request does no Math.pow per item). */
  private popularityDamping = { exponent: Number.NaN, divisors: new Float64Array(0) };
  /** The met customers' similarities, aligned with metCustomers. */
  private metSimilarities = new Float64Array(0);
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
      customer = this.customerIndex.size;
      this.customerIndex.set(customerId, customer);
      if (2 * customer + 1 >= this.customerState.length) {
        const state = new Int32Array(this.customerState.length * 2);
        state.set(this.customerState);
        this.customerState = state;
      }
    }
    this.buyerCounts = grown(this.buyerCounts, item);
    this.customerItems.push(customer, item);
    this.itemBuyers.push(item, customer);
    this.customerState[2 * customer + 1]++;
    this.buyerCounts[item]++;
    const damping = this.popularityDamping;
    if (item < damping.divisors.length) damping.divisors[item] = Math.pow(this.buyerCounts[item], damping.exponent);
  }

  /** buyers(item)^exponent for every item, computed once per exponent and then kept current. */
  private popularityDivisors(exponent: number): Float64Array {
    const damping = this.popularityDamping;
    if (damping.exponent !== exponent || damping.divisors.length < this.itemBuyers.size) {
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
    const customerItems = this.customerItems;
    const itemBuyers = this.itemBuyers;
    const items = customerItems.data;
    const buyers = itemBuyers.data;
    const ownStart = customerItems.start(customer);
    const ownEnd = ownStart + customerItems.length(customer);
    if (this.metSimilarities.length < customerItems.size) this.metSimilarities = new Float64Array(customerItems.size * 2);
    if (this.itemSums.length < itemBuyers.size) {
      this.itemSums = new Float64Array(itemBuyers.size * 2);
      this.ownMark = new Uint8Array(itemBuyers.size * 2);
    }
    const state = this.customerState;
    const met = this.metCustomers;
    let metCount = 0;
    for (let o = ownStart; o < ownEnd; o++) {
      const item = items[o];
      const first = itemBuyers.start(item);
      const end = first + itemBuyers.length(item);
      for (let k = end - 1, stop = Math.max(first, end - params.buyersPerItem); k >= stop; k--) {
        const other = buyers[k];
        if (other === customer) continue;
        if (state[2 * other] === 0) met[metCount++] = other;
        state[2 * other]++;
      }
    }
    // Cosine similarity with shrink: overlap / (sqrt(own items) * sqrt(their items) + shrink); counts back to 0.
    const ownNorm = Math.sqrt(state[2 * customer + 1]);
    const similarities = this.metSimilarities;
    for (let n = 0; n < metCount; n++) {
      const at = 2 * met[n];
      similarities[n] = state[at] / (ownNorm * Math.sqrt(state[at + 1]) + params.shrink);
      state[at] = 0;
    }
    const nearest = selectTopPositions(met, similarities, metCount, params.neighbours);

    const sums = this.itemSums;
    const ownMark = this.ownMark;
    for (let o = ownStart; o < ownEnd; o++) ownMark[items[o]] = 1;
    const touched = this.touchedItems;
    let touchedCount = 0;
    for (const position of nearest) {
      const sim = similarities[position];
      const neighbour = met[position];
      const first = customerItems.start(neighbour);
      for (let k = first, end = first + customerItems.length(neighbour); k < end; k++) {
        const item = items[k];
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
    for (let o = ownStart; o < ownEnd; o++) ownMark[items[o]] = 0;
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
