/**
 * Per-request scratch: each candidate's contribution from each signal, plus the source of its co-purchase score.
 * Item -> row lookups go through a dense array shared by the requests on one index (-1 = not a candidate), which
 * is much cheaper than a hash map; `release` restores it, and requests are synchronous, so they never overlap.
 */
import { SIGNALS, type Signal } from './types';

const SIGNAL_SLOT = Object.fromEntries(SIGNALS.map((kind, slot) => [kind, slot])) as Record<Signal, number>;
const WIDTH = SIGNALS.length;
const CO_PURCHASE_SLOT = SIGNAL_SLOT.co_purchase;
const GOES_WITH_SLOT = SIGNAL_SLOT.goes_with;

export class CandidateBoard {
  readonly items: number[] = [];
  private values = new Float64Array(64 * WIDTH);
  /** Per candidate: the history item that gave it the most co-purchase score (-1: none). */
  private coSources: number[] = [];
  /** Per candidate: the history item that gave it the most goes_with (EASE) score (-1: none). */
  private goesWithSources: number[] = [];

  constructor(private readonly rowOf: Int32Array) {}

  /** Adds `item` as a candidate (no-op when present) and returns its row. */
  enter(item: number): number {
    const existing = this.rowOf[item];
    if (existing >= 0) return existing;
    const row = this.items.length;
    this.items.push(item);
    this.rowOf[item] = row;
    this.coSources.push(-1);
    this.goesWithSources.push(-1);
    if ((row + 1) * WIDTH > this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    return row;
  }

  addAt(row: number, kind: Signal, value: number): void {
    this.values[row * WIDTH + SIGNAL_SLOT[kind]] += value;
  }

  add(item: number, kind: Signal, value: number): void {
    this.values[this.enter(item) * WIDTH + SIGNAL_SLOT[kind]] += value;
  }

  /** Sets the co-purchase contribution of `item` and the history item that gave most of it. */
  addCoPurchase(item: number, source: number, value: number): void {
    const row = this.enter(item);
    this.values[row * WIDTH + CO_PURCHASE_SLOT] += value;
    this.coSources[row] = source;
  }

  /** Sets the goes_with contribution of `item` and the history item that gave most of it. */
  addGoesWith(item: number, source: number, value: number): void {
    const row = this.enter(item);
    this.values[row * WIDTH + GOES_WITH_SLOT] += value;
    this.goesWithSources[row] = source;
  }

  value(row: number, kind: Signal): number {
    return this.values[row * WIDTH + SIGNAL_SLOT[kind]];
  }

  /** Multiplies one signal of every candidate (normalising raw sums to the 0..weight range). */
  scale(kind: Signal, factor: number): void {
    const slot = SIGNAL_SLOT[kind];
    for (let row = 0; row < this.items.length; row++) this.values[row * WIDTH + slot] *= factor;
  }

  max(kind: Signal): number {
    const slot = SIGNAL_SLOT[kind];
    let best = 0;
    for (let row = 0; row < this.items.length; row++) best = Math.max(best, this.values[row * WIDTH + slot]);
    return best;
  }

  contributions(row: number): Record<Signal, number> {
    const out = {} as Record<Signal, number>;
    SIGNALS.forEach((kind, slot) => { out[kind] = this.values[row * WIDTH + slot]; });
    return out;
  }

  total(row: number): number {
    let sum = 0;
    for (let slot = 0; slot < WIDTH; slot++) sum += this.values[row * WIDTH + slot];
    return sum;
  }

  /** The signal contributing most to a candidate (earlier signals win exact ties). */
  topSignal(row: number): Signal {
    let best = 0;
    for (let slot = 1; slot < WIDTH; slot++) if (this.values[row * WIDTH + slot] > this.values[row * WIDTH + best]) best = slot;
    return SIGNALS[best];
  }

  /** Hands the shared item -> row array back clean (call once scoring is done). */
  release(): void {
    for (const item of this.items) this.rowOf[item] = -1;
  }

  coSource(row: number): number {
    return this.coSources[row];
  }

  goesWithSource(row: number): number {
    return this.goesWithSources[row];
  }
}
