/**
 * Per-customer purchase aggregates in typed arrays (one slot per customer), the only state RFM, rules and
 * clusters need. Adding a line is O(1) and allocates nothing, so 10M lines cost a single pass, and an order
 * arriving later updates the same aggregates that a full recompute would have built.
 */
import { CATEGORY_IDS } from '../../domain/categories';

export const CATEGORY_COUNT = CATEGORY_IDS.length;
const OTHER_CATEGORY = CATEGORY_IDS.indexOf('other');

export function categoryIndex(categoryId: string | undefined): number {
  const index = categoryId === undefined ? -1 : CATEGORY_IDS.indexOf(categoryId);
  return index >= 0 ? index : OTHER_CATEGORY;
}

export class CustomerAggregates {
  readonly ids: string[] = [];
  private readonly slots = new Map<string, number>();
  private capacity: number;
  /** Epoch ms of the latest purchase; -Infinity when the customer has none. */
  lastTime: Float64Array;
  /** Distinct invoices. */
  invoices: Uint32Array;
  /** Sum of quantity x unit price, Kahan-compensated like pandas' groupby sum. */
  monetary: Float64Array;
  private monetaryCompensation: Float64Array;
  private readonly scratchSpend = new Float64Array(CATEGORY_COUNT);
  units: Float64Array;
  /** Spend per category, `CATEGORY_COUNT` entries per customer. */
  categorySpend: Float32Array;

  constructor(initialCapacity = 1024) {
    this.capacity = Math.max(16, initialCapacity);
    this.lastTime = new Float64Array(this.capacity).fill(-Infinity);
    this.invoices = new Uint32Array(this.capacity);
    this.monetary = new Float64Array(this.capacity);
    this.monetaryCompensation = new Float64Array(this.capacity);
    this.units = new Float64Array(this.capacity);
    this.categorySpend = new Float32Array(this.capacity * CATEGORY_COUNT);
  }

  get size(): number {
    return this.ids.length;
  }

  slotOf(customerId: string): number | undefined {
    return this.slots.get(customerId);
  }

  /** Moves a slot to another id (erasure re-keys a customer's orders to a pseudonym). False when `from` is unknown or `to` taken. */
  rename(from: string, to: string): boolean {
    const slot = this.slots.get(from);
    if (slot === undefined || this.slots.has(to)) return false;
    this.slots.delete(from);
    this.slots.set(to, slot);
    this.ids[slot] = to;
    return true;
  }

  /** The customer's slot, created (with no purchases) when new. */
  ensure(customerId: string): number {
    const existing = this.slots.get(customerId);
    if (existing !== undefined) return existing;
    const slot = this.ids.length;
    if (slot === this.capacity) this.grow();
    this.ids.push(customerId);
    this.slots.set(customerId, slot);
    return slot;
  }

  /** Counts one more distinct invoice for the customer (the caller de-duplicates invoice ids). */
  addInvoice(slot: number, time: number): void {
    this.invoices[slot]++;
    if (time > this.lastTime[slot]) this.lastTime[slot] = time;
  }

  /**
   * Adds an order's lines only if every sum they touch stays finite: one overflowing record (2 x 1.7e308 is Infinity)
   * would otherwise turn the averages, quantiles and k-means features of everyone into NaN. False: nothing was added.
   */
  addLinesIfFinite<L extends { quantity: number; unitPrice: number }>(slot: number, lines: readonly L[], categoryOf: (line: L) => number): boolean {
    const spend = this.scratchSpend.fill(0);
    let amount = 0;
    let units = 0;
    for (const line of lines) {
      const lineAmount = line.quantity * line.unitPrice;
      amount += lineAmount;
      units += line.quantity;
      spend[categoryOf(line)] += lineAmount;
    }
    if (!Number.isFinite(this.monetary[slot] + amount) || !Number.isFinite(this.units[slot] + units)) return false;
    // Category spend is kept in 32-bit floats: it overflows far sooner (3.4e38).
    for (let c = 0; c < CATEGORY_COUNT; c++) {
      if (!Number.isFinite(Math.fround(this.categorySpend[slot * CATEGORY_COUNT + c] + spend[c]))) return false;
    }
    for (const line of lines) this.addLine(slot, line.quantity, line.unitPrice, categoryOf(line));
    return true;
  }

  /** addLinesIfFinite for one line, without allocating (the columnar path feeds millions). */
  addLineIfFinite(slot: number, quantity: number, unitPrice: number, category: number): boolean {
    const amount = quantity * unitPrice;
    if (!Number.isFinite(this.monetary[slot] + amount) || !Number.isFinite(this.units[slot] + quantity)) return false;
    if (!Number.isFinite(Math.fround(this.categorySpend[slot * CATEGORY_COUNT + category] + amount))) return false;
    this.addLine(slot, quantity, unitPrice, category);
    return true;
  }

  addLine(slot: number, quantity: number, unitPrice: number, category: number): void {
    const amount = quantity * unitPrice;
    const y = amount - this.monetaryCompensation[slot];
    const sum = this.monetary[slot];
    const t = sum + y;
    this.monetaryCompensation[slot] = t - sum - y;
    this.monetary[slot] = t;
    this.units[slot] += quantity;
    this.categorySpend[slot * CATEGORY_COUNT + category] += amount;
  }

  hasHistory(slot: number): boolean {
    return this.invoices[slot] > 0;
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const widen = <T extends Float64Array | Uint32Array | Float32Array>(old: T, make: (n: number) => T, per = 1): T => {
      const next = make(capacity * per);
      next.set(old);
      return next;
    };
    this.lastTime = widen(this.lastTime, (n) => new Float64Array(n).fill(-Infinity));
    this.invoices = widen(this.invoices, (n) => new Uint32Array(n));
    this.monetary = widen(this.monetary, (n) => new Float64Array(n));
    this.monetaryCompensation = widen(this.monetaryCompensation, (n) => new Float64Array(n));
    this.units = widen(this.units, (n) => new Float64Array(n));
    this.categorySpend = widen(this.categorySpend, (n) => new Float32Array(n), CATEGORY_COUNT);
    this.capacity = capacity;
  }
}

/**
 * Ascending customer id: numeric ids (the real data's "12346", ...) compare as numbers and come before
 * other ids, which compare as strings. A total order, so sorting is deterministic.
 */
export function compareCustomerIds(a: string, b: string): number {
  const x = a.trim() === '' ? NaN : Number(a);
  const y = b.trim() === '' ? NaN : Number(b);
  const xNumeric = Number.isFinite(x);
  const yNumeric = Number.isFinite(y);
  if (xNumeric && yNumeric && x !== y) return x - y;
  if (xNumeric !== yNumeric) return xNumeric ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Slots in ascending customer-id order: the tie-break order of the frequency ranking. */
export function slotsInIdOrder(aggregates: CustomerAggregates): Uint32Array {
  const ids = aggregates.ids;
  const numeric = new Float64Array(ids.length);
  let allNumeric = true;
  for (let i = 0; i < ids.length; i++) {
    numeric[i] = ids[i].trim() === '' ? NaN : Number(ids[i]);
    if (!Number.isFinite(numeric[i])) allNumeric = false;
  }
  const order = new Uint32Array(ids.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  // Typed-array sort with a numeric key is far cheaper than a string comparator at a million ids.
  if (allNumeric) return order.sort((a, b) => numeric[a] - numeric[b] || compareCustomerIds(ids[a], ids[b]));
  return order.sort((a, b) => compareCustomerIds(ids[a], ids[b]));
}
