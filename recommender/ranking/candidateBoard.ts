/**
 * Per-request scratch: each candidate's contribution from each signal, plus the source of its co-purchase score.
 * Item -> row lookups go through a dense array shared by the requests on one index (-1 = not a candidate), which
 * is much cheaper than a hash map; `release` restores it, and requests are synchronous, so they never overlap.
 */
import { SIGNALS, type Signal } from './types';

const SIGNAL_SLOT = Object.fromEntries(SIGNALS.map((kind, slot) => [kind, slot])) as Record<Signal, number>;
const WIDTH = SIGNALS.length;
/** A recycled board's values and sources: none. */
const RECYCLED = new Float64Array(0);
const RECYCLED_SOURCES = new Int32Array(0);

/** Signals that name the bought item behind them in the reason ("Often bought with X"). */
export type SourcedSignal = 'co_purchase' | 'goes_with' | 'same_range';
const SOURCED: readonly SourcedSignal[] = ['co_purchase', 'goes_with', 'same_range'];
const SOURCE_SLOT: Record<SourcedSignal, number> = { co_purchase: 0, goes_with: 1, same_range: 2 };
const SOURCE_WIDTH = SOURCED.length;

function isSourced(kind: Signal): kind is SourcedSignal {
  return (SOURCED as readonly Signal[]).includes(kind);
}

/**
 * Zeroed value buffers handed back by `recycle` (a few, whatever their size): the next board takes one instead of
 * allocating ~70 kB and growing it by copies, which also kept the garbage collector busy on the request path.
 */
const freeBuffers: { values: Float64Array; sources: Int32Array }[] = [];
const MAX_FREE_BUFFERS = 4;
/** Rows the recent boards needed (a slowly decaying maximum): a board that finds no free buffer starts this big. */
let roomHint = 256;

export class CandidateBoard {
  readonly items: number[] = [];

  private values: Float64Array;
  /** Per candidate, per sourced signal: the history item that gave it the most of that signal (-1: none). */
  private sources: Int32Array;
  private recycled = false;

  constructor(private readonly rowOf: Int32Array) {
    const free = freeBuffers.pop();
    this.values = free?.values ?? new Float64Array(roomHint * WIDTH);
    this.sources = free?.sources ?? new Int32Array(roomHint * SOURCE_WIDTH);
  }

  /** Adds `item` as a candidate (no-op when present) and returns its row. */
  enter(item: number): number {
    const existing = this.rowOf[item];
    if (existing >= 0) return existing;
    const row = this.items.length;
    this.items.push(item);
    this.rowOf[item] = row;
    if ((row + 1) * WIDTH > this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    if ((row + 1) * SOURCE_WIDTH > this.sources.length) {
      const grown = new Int32Array(Math.max(this.sources.length * 2, (row + 1) * SOURCE_WIDTH));
      grown.set(this.sources);
      this.sources = grown;
    }
    const at = row * SOURCE_WIDTH;
    this.sources[at] = -1;
    this.sources[at + 1] = -1;
    this.sources[at + 2] = -1;
    return row;
  }

  addAt(row: number, kind: Signal, value: number): void {
    this.values[row * WIDTH + SIGNAL_SLOT[kind]] += value;
  }

  add(item: number, kind: Signal, value: number): void {
    // enter() first: it may replace `values` with a larger copy, and the write must land in the new one.
    const row = this.enter(item);
    this.values[row * WIDTH + SIGNAL_SLOT[kind]] += value;
  }

  /** Adds a sourced signal's contribution to `item` and records the history item that gave most of it. */
  addSourced(item: number, kind: SourcedSignal, source: number, value: number): void {
    const row = this.enter(item);
    this.values[row * WIDTH + SIGNAL_SLOT[kind]] += value;
    this.sources[row * SOURCE_WIDTH + SOURCE_SLOT[kind]] = source;
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

  /** Hands the shared item -> row array back clean (call once scoring is done); the board can still be read. */
  release(): void {
    for (const item of this.items) this.rowOf[item] = -1;
    roomHint = Math.max(64, this.items.length, roomHint - (roomHint >> 3));
  }

  /**
   * Hands the value buffer back for the next board, zeroed: call it only when nothing will read this board again
   * (recommend does, once its suggestions are built): a recycled board holds no values any more.
   */
  recycle(): void {
    if (this.recycled) return;
    this.recycled = true;
    this.values.fill(0, 0, this.items.length * WIDTH);
    if (freeBuffers.length < MAX_FREE_BUFFERS) freeBuffers.push({ values: this.values, sources: this.sources });
    this.values = RECYCLED;
    this.sources = RECYCLED_SOURCES;
  }

  /** The history item behind a candidate's `kind` contribution (-1: none, or a signal without one). */
  sourceOf(row: number, kind: Signal): number {
    return isSourced(kind) ? this.sources[row * SOURCE_WIDTH + SOURCE_SLOT[kind]] : -1;
  }
}
