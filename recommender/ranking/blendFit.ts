/**
 * Learns the signal weights from the shop's own history. The index is first built from every order before the
 * validation window (the most recent weeks); each customer who buys in the window is scored with every measured
 * signal at weight 1, and a pairwise ranker (pairwiseRanker.ts) learns how to weigh the signals so the items they
 * bought in the window rank above the others — once over all candidates (re-buys count) and once over items new to
 * the customer. The caller then adds the window's orders, so the served index holds all data. Nothing here knows
 * whether the shop's customers re-buy, what season it is or what the categories are: the window decides.
 */
import type { Order } from '../../domain/model';
import { coordinateAscent } from './blendAscent';
import { PairCollector, fitPairwise } from './pairwiseRanker';
import type { RecommenderIndex } from './recommenderIndex';
import { scoreItems } from './scoring';
import { DEFAULT_SCORING, SIGNALS, type Signal, type SignalWeights } from './types';

/** Signals whose weight is measured; the rest (request, preference, persona, similar_to) are product choices. */
export const LEARNT_SIGNALS: readonly Signal[] = [
  'repeat', 'repeat_recent', 'repeat_momentum', 'repeat_shared', 'co_purchase', 'same_range', 'similar_customers', 'goes_with',
  'new_arrival', 'trending', 'popular', 'segment_popular', 'country_popular',
];

export interface BlendFitOptions {
  /** The validation window: the most recent days of orders. */
  windowDays: number;
  /** Below this many customers buying in the window the default weights stay (too little evidence). */
  minCustomers: number;
  /** Customers scored at most per bag (an even, deterministic sample by id); bounds the build time. */
  maxCustomers: number;
  /** Candidates read per customer (the best by the unit-weight blend). */
  depth: number;
  /** Bought and not-bought candidates paired per customer and candidate set. */
  positives: number;
  negatives: number;
  iterations: number;
  l2: number;
  /** Coordinate-ascent rounds on the validation NDCG after the pairwise fit (0: pairwise only). */
  rounds: number;
  /** Refine the discovery signals on "new" first, then the re-buy signals on "all" (else both at once on their mean). */
  split: boolean;
  /** Split only: coordinate-ascent rounds of the discovery signals on "new" (0: their ratios stay the pairwise fit's). */
  newRounds: number;
  /** Also refine from the default weights, keeping whichever refinement the window scores higher. */
  fromDefaults: boolean;
  /** Customers are split into this many folds; a refinement step must lower none of them. */
  folds: number;
  /** Smallest gain in the window's NDCG@10 a refinement step must bring to be kept. */
  minGain: number;
  /** Bags of `maxCustomers` customers fitted separately and averaged (absent: 1). */
  bags?: number;
}

export const DEFAULT_BLEND_FIT: BlendFitOptions = {
  windowDays: 42, minCustomers: 30, maxCustomers: 75, bags: 10, depth: 150, positives: 10, negatives: 20, iterations: 60, l2: 0.001, rounds: 2,
  split: true, newRounds: 0, minGain: 1e-5, folds: 2, fromDefaults: true,
};

/** NDCG@10 on the validation window's customers, over their candidates (bought items not reached count as misses). */
export interface ValidationScore { all: number; new: number }

export interface LearntBlend {
  weights: Partial<SignalWeights>;
  windowStart: number;
  windowEnd: number;
  customers: number;
  /** Groups of customers fitted apart whose blends were averaged. */
  bags: number;
  pairs: number;
  learnt: ValidationScore;
  defaults: ValidationScore;
}

interface CustomerCandidates {
  features: Float64Array;
  rows: number;
  bought: Uint8Array;
  owned: Uint8Array;
  relevantAll: number;
  relevantNew: number;
}

const WIDTH = LEARNT_SIGNALS.length;

/** Groups the window's purchases by customer: item indices of the index's catalogue. */
function windowPurchases(index: RecommenderIndex, windowOrders: readonly Order[]): Map<string, Set<number>> {
  const bought = new Map<string, Set<number>>();
  for (const order of windowOrders) {
    if (!index.history(order.customerId)) continue;
    let items = bought.get(order.customerId);
    if (!items) bought.set(order.customerId, (items = new Set()));
    for (const line of order.lines) {
      const item = index.catalog.indexOf(line.productId);
      if (item !== undefined) items.add(item);
    }
  }
  return bought;
}

function candidatesOf(index: RecommenderIndex, customerId: string, bought: ReadonlySet<number>, options: BlendFitOptions): CustomerCandidates {
  const weights = Object.fromEntries(SIGNALS.map((s) => [s, LEARNT_SIGNALS.includes(s) ? 1 : 0])) as SignalWeights;
  const groups = index.groupsOf(customerId);
  const context = { customerId, personalized: true, dismissed: [], segmentLabel: groups?.segmentLabel, country: groups?.country };
  const scored = scoreItems(index, context, { allowed: () => true, depth: options.depth }, { ...DEFAULT_SCORING, weights, learnt: false });
  const history = index.history(customerId);
  const rows = scored.ranked.length;
  const features = new Float64Array(rows * WIDTH);
  const isBought = new Uint8Array(rows);
  const owned = new Uint8Array(rows);
  scored.ranked.forEach((row, r) => {
    const item = scored.board.items[row];
    LEARNT_SIGNALS.forEach((signal, f) => { features[r * WIDTH + f] = scored.board.value(row, signal); });
    isBought[r] = bought.has(item) ? 1 : 0;
    owned[r] = history?.items.has(item) ? 1 : 0;
  });
  let relevantNew = 0;
  for (const item of bought) if (!history?.items.has(item)) relevantNew++;
  return { features, rows, bought: isBought, owned, relevantAll: bought.size, relevantNew };
}

function addPairs(collector: PairCollector, c: CustomerCandidates, newOnly: boolean, share: number, options: BlendFitOptions): void {
  const positives: number[] = [];
  const others: number[] = [];
  for (let r = 0; r < c.rows; r++) {
    if (newOnly && c.owned[r]) continue;
    if (c.bought[r]) { if (positives.length < options.positives) positives.push(r); } else others.push(r);
  }
  if (positives.length === 0 || others.length === 0) return;
  // Not-bought candidates evenly across the whole list: the top ones alone would teach what the top already has.
  const stride = Math.max(1, others.length / options.negatives);
  const negatives: number[] = [];
  for (let k = 0; Math.floor(k) < others.length; k += stride) negatives.push(others[Math.floor(k)]);
  const weight = share / (positives.length * negatives.length);
  for (const p of positives) {
    for (const n of negatives) collector.add(c.features.subarray(p * WIDTH, (p + 1) * WIDTH), c.features.subarray(n * WIDTH, (n + 1) * WIDTH), weight);
  }
}

const IDCG = Array.from({ length: 11 }, (_, n) => { let sum = 0; for (let p = 0; p < n; p++) sum += 1 / Math.log2(p + 2); return sum; });

/** NDCG@10 of one customer's candidates ranked by `weights` (only items new to them when `newOnly`); -1: nothing to find. */
function ndcgAt10(c: CustomerCandidates, weights: readonly number[], newOnly: boolean, top: Float64Array, topRow: Int32Array): number {
  const relevant = newOnly ? c.relevantNew : c.relevantAll;
  if (relevant === 0) return -1;
  let size = 0;
  for (let r = 0; r < c.rows; r++) {
    if (newOnly && c.owned[r]) continue;
    let score = 0;
    for (let f = 0; f < WIDTH; f++) score += weights[f] * c.features[r * WIDTH + f];
    if (size === 10 && score <= top[9]) continue;
    let at = size < 10 ? size++ : 9;
    while (at > 0 && top[at - 1] < score) { top[at] = top[at - 1]; topRow[at] = topRow[at - 1]; at--; }
    top[at] = score;
    topRow[at] = r;
  }
  let dcg = 0;
  for (let position = 0; position < size; position++) if (c.bought[topRow[position]]) dcg += 1 / Math.log2(position + 2);
  return dcg / IDCG[Math.min(relevant, 10)];
}

function meanNdcg(customers: readonly CustomerCandidates[], weights: readonly number[], newOnly: boolean, top = new Float64Array(10), topRow = new Int32Array(10)): number {
  let sum = 0;
  let n = 0;
  for (const c of customers) {
    const value = ndcgAt10(c, weights, newOnly, top, topRow);
    if (value >= 0) { sum += value; n++; }
  }
  return n > 0 ? sum / n : 0;
}

function validationScore(customers: readonly CustomerCandidates[], weights: readonly number[]): ValidationScore {
  const top = new Float64Array(10);
  const topRow = new Int32Array(10);
  return { all: meanNdcg(customers, weights, false, top, topRow), new: meanNdcg(customers, weights, true, top, topRow) };
}

/** Signals that score only the customer's own items: they cannot move the order of items new to the customer. */
const OWN_ITEM_SIGNALS: ReadonlySet<Signal> = new Set(['repeat', 'repeat_recent', 'repeat_momentum', 'repeat_shared']);

/**
 * Joint: every weight in turn on the mean of both variants' NDCG@10. Split: first the signals that can rank an item new
 * to the customer, each in turn, on "new" alone (only their ratios order those items); then the re-buy weights and
 * the discovery block's overall scale on "all" — so neither variant is traded for the other.
 */
function refine(customers: readonly CustomerCandidates[], start: readonly number[], options: BlendFitOptions): number[] {
  const folds = Array.from({ length: Math.max(1, options.folds) }, (_, k) => customers.filter((_, c) => c % Math.max(1, options.folds) === k));
  const perFold = (score: (fold: readonly CustomerCandidates[]) => number) => (): number[] => folds.map(score);
  const single = (f: number): number[] => [f];
  const features = LEARNT_SIGNALS.map((_, f) => f);
  const { rounds, minGain } = options;
  if (!options.split) {
    const both = (w: readonly number[]): number[] => perFold((fold) => { const s = validationScore(fold, w); return (s.all + s.new) / 2; })();
    return coordinateAscent({ objective: both, coordinates: features.map(single), rounds, minGain }, start);
  }
  const own = features.filter((f) => OWN_ITEM_SIGNALS.has(LEARNT_SIGNALS[f]));
  const discovery = features.filter((f) => !OWN_ITEM_SIGNALS.has(LEARNT_SIGNALS[f]));
  const onNew = (w: readonly number[]): number[] => perFold((fold) => meanNdcg(fold, w, true))();
  const onAll = (w: readonly number[]): number[] => perFold((fold) => meanNdcg(fold, w, false))();
  const forNew = coordinateAscent({ objective: onNew, coordinates: discovery.map(single), rounds: options.newRounds, minGain }, start);
  return coordinateAscent({ objective: onAll, coordinates: [...own.map(single), discovery], rounds, minGain }, forNew);
}

// A change to what the fit computes (here or in the scoring it runs) must bump FIT_VERSIONS.blend in domain/modelCache.ts.
/** Fits the blend on `index` (built from the orders before the window) and the window's orders; null: too little evidence. */
export function fitBlend(index: RecommenderIndex, windowOrders: readonly Order[], window: { start: number; end: number }, options: BlendFitOptions): LearntBlend | null {
  const purchases = windowPurchases(index, windowOrders);
  const ids = [...purchases.keys()].filter((id) => (purchases.get(id)?.size ?? 0) > 0).sort();
  if (ids.length < options.minCustomers) return null;
  const bags = Math.max(1, options.bags ?? 1);
  const wanted = options.maxCustomers * bags;
  const stride = Math.max(1, ids.length / wanted);
  const chosen: string[] = [];
  for (let k = 0; Math.floor(k) < ids.length && chosen.length < wanted; k += stride) chosen.push(ids[Math.floor(k)]);
  const customers = chosen.map((id) => candidatesOf(index, id, purchases.get(id) ?? new Set(), options));
  const defaults = LEARNT_SIGNALS.map((s) => DEFAULT_SCORING.weights[s]);
  // Bagging: each bag of customers is fitted on its own and the blends (each summing to 1) are averaged, which smooths
  // the ascent's discrete steps and one sample's noise; one bag is the plain fit.
  const fits = Array.from({ length: Math.min(bags, customers.length) }, (_, b) => fitBag(customers.filter((_, c) => c % bags === b), defaults, options));
  const raw = LEARNT_SIGNALS.map((_, f) => fits.reduce((sum, fit) => sum + fit.weights[f], 0) / fits.length);
  const pairs = fits.reduce((sum, fit) => sum + fit.pairs, 0);
  const top = Math.max(...raw);
  const scaled = top > 0 ? raw.map((w) => w / top) : defaults;
  const weights: Partial<SignalWeights> = {};
  LEARNT_SIGNALS.forEach((signal, f) => { weights[signal] = scaled[f]; });
  return {
    weights, windowStart: window.start, windowEnd: window.end, customers: customers.length, bags: fits.length, pairs,
    learnt: validationScore(customers, scaled), defaults: validationScore(customers, defaults),
  };
}

/** The pairwise fit refined by coordinate ascent on one bag of customers; weights sum to 1 (defaults when all are 0). */
function fitBag(customers: readonly CustomerCandidates[], defaults: readonly number[], options: BlendFitOptions): { weights: number[]; pairs: number } {
  const collector = new PairCollector(WIDTH);
  for (const c of customers) {
    addPairs(collector, c, false, 0.5, options);
    addPairs(collector, c, true, 0.5, options);
  }
  const pairwise = fitPairwise(collector.pairs(), { iterations: options.iterations, learningRate: 0.05, l2: options.l2, start: defaults });
  // The ascent only climbs from where it starts: it starts from the pairwise fit and from the default weights, and the
  // window decides between the two results (for a shop unlike the one the defaults were tuned on, the fit wins).
  const candidates = options.fromDefaults ? [pairwise, defaults] : [pairwise];
  const refined = candidates.map((start) => refine(customers, start, options));
  const windowValue = (w: readonly number[]): number => { const s = validationScore(customers, w); return (s.all + s.new) / 2; };
  const best = refined.reduce((top, w) => (windowValue(w) > windowValue(top) + 1e-9 ? w : top));
  const total = best.reduce((sum, w) => sum + w, 0);
  const weights = total > 0 ? best : defaults;
  const sum = weights.reduce((s, w) => s + w, 0);
  return { weights: weights.map((w) => w / sum), pairs: collector.count };
}

/** Orders before the validation window and in it (the window = the last `windowDays` before the latest order). */
export function splitAtWindow(orders: Iterable<Order>, windowDays: number): { before: Order[]; window: Order[]; start: number; end: number } {
  const all = [...orders];
  let end = Number.NEGATIVE_INFINITY;
  for (const order of all) end = Math.max(end, Date.parse(order.date));
  const start = end - windowDays * 86_400_000;
  const before: Order[] = [];
  const window: Order[] = [];
  for (const order of all) (Date.parse(order.date) < start ? before : window).push(order);
  return { before, window, start, end };
}
