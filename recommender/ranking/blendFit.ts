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
import { LEARNT_SIGNALS, WIDTH, meanNdcg, validationScore, windowCandidates, type CustomerCandidates, type ValidationScore } from './blendCandidates';
import { PairCollector, fitPairwise } from './pairwiseRanker';
import type { RecommenderIndex } from './recommenderIndex';
import { DEFAULT_SCORING, type Signal, type SignalWeights } from './types';

export { LEARNT_SIGNALS, type ValidationScore } from './blendCandidates';

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
  /** Bags of `maxCustomers` customers fitted separately and averaged (absent: 1); split evenly between the windows. */
  bags?: number;
  /**
   * Consecutive validation windows of `windowDays` the fit reads (absent: 1), each scored on the index as it stood at
   * the window's start (the index rolled forward between them with addOrder, which is exact): a blend that must hold
   * over two periods rather than one.
   */
  windows?: number;
  /**
   * How the windows are combined: "average" fits each window's bags apart and averages the windows' blends; "joint"
   * fits each bag on customers of every window at once, a step kept only when it lowers no window's fold.
   */
  windowMode?: 'average' | 'joint';
  /** The most recent window's share of the average (or of the joint objective); absent: equal shares. */
  recentShare?: number;
  /** Joint only: false pools the windows in each fold's objective (a step may then lower one window); absent: true. */
  windowGuard?: boolean;
}


export const DEFAULT_BLEND_FIT: BlendFitOptions = {
  windowDays: 42, minCustomers: 30, maxCustomers: 75, bags: 10, depth: 150, positives: 10, negatives: 20, iterations: 60, l2: 0.001, rounds: 2,
  split: true, newRounds: 0, minGain: 1e-5, folds: 2, fromDefaults: true,
};

export interface LearntBlend {
  weights: Partial<SignalWeights>;
  windowStart: number;
  windowEnd: number;
  customers: number;
  /** Groups of customers fitted apart whose blends were averaged. */
  bags: number;
  /** Consecutive windows the fit read (absent: 1). */
  windows?: number;
  pairs: number;
  learnt: ValidationScore;
  defaults: ValidationScore;
}

/** One validation window's orders and its time span. */
export interface BlendWindow { orders: readonly Order[]; start: number; end: number }

/** One window's customers in a bag, with that window's share of the objective. */
interface WindowPart { customers: readonly CustomerCandidates[]; share: number }

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

/** Signals that score only the customer's own items: they cannot move the order of items new to the customer. */
const OWN_ITEM_SIGNALS: ReadonlySet<Signal> = new Set(['repeat', 'repeat_recent', 'repeat_momentum', 'repeat_shared']);

/**
 * Joint: every weight in turn on the mean of both variants' NDCG@10. Split: first the signals that can rank an item new
 * to the customer, each in turn, on "new" alone (only their ratios order those items); then the re-buy weights and
 * the discovery block's overall scale on "all" — so neither variant is traded for the other. The objective has one
 * value per window and fold, scaled so their mean weighs the windows by their shares: a step must lower none.
 */
function refine(parts: readonly WindowPart[], start: readonly number[], options: BlendFitOptions): number[] {
  const k = Math.max(1, options.folds);
  const folds = parts.flatMap((part) => Array.from({ length: k }, (_, f) => ({
    customers: part.customers.filter((_, c) => c % k === f), scale: part.share * parts.length,
  })));
  const perWindowFold = (score: (fold: readonly CustomerCandidates[]) => number): number[] => folds.map((fold) => fold.scale * score(fold.customers));
  // Pooled: one value per fold, the windows' share-weighted sum (a step may trade one window for the other).
  const pooled = (values: number[]): number[] => Array.from({ length: k }, (_, f) => values.filter((_, v) => v % k === f).reduce((a, b) => a + b, 0) / parts.length);
  const perFold = (score: (fold: readonly CustomerCandidates[]) => number) => (): number[] => (options.windowGuard === false && parts.length > 1 ? pooled(perWindowFold(score)) : perWindowFold(score));
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

/** The windows' shares: the most recent gets `recentShare` (absent: all equal), the others split the rest. */
function windowShares(count: number, options: BlendFitOptions): number[] {
  if (count === 1) return [1];
  const recent = options.recentShare ?? 1 / count;
  return Array.from({ length: count }, (_, w) => (w === count - 1 ? recent : (1 - recent) / (count - 1)));
}

/** Share-weighted validation score over the windows' customers. */
function windowsScore(parts: readonly WindowPart[], weights: readonly number[]): ValidationScore {
  return parts.reduce((sum, part) => {
    const s = validationScore(part.customers, weights);
    return { all: sum.all + part.share * s.all, new: sum.new + part.share * s.new };
  }, { all: 0, new: 0 });
}

// A change to what the fit computes (here or in the scoring it runs) must bump FIT_VERSIONS.blend in domain/modelCache.ts.
/**
 * Fits the blend on the validation windows (oldest first); `index` holds the orders before the first. Each window is
 * scored on the index as it stood at its start: the fit adds each earlier window's orders to `index` as it goes (the
 * caller adds the last). A window with too few buyers is left out; null when every window is (too little evidence).
 */
export function fitBlend(index: RecommenderIndex, windows: readonly BlendWindow[], options: BlendFitOptions): LearntBlend | null {
  const bagsPerWindow = Math.max(1, Math.round((options.bags ?? 1) / windows.length));
  const shares = windowShares(windows.length, options);
  const sample = { wanted: options.maxCustomers * bagsPerWindow, minCustomers: options.minCustomers, depth: options.depth };
  const parts: WindowPart[] = [];
  windows.forEach((window, w) => {
    if (w > 0) for (const order of windows[w - 1].orders) index.addOrder(order);
    const customers = windowCandidates(index, window.orders, sample);
    if (customers) parts.push({ customers, share: shares[w] });
  });
  if (parts.length === 0) return null;
  const shareSum = parts.reduce((sum, part) => sum + part.share, 0);
  for (const part of parts) part.share /= shareSum;
  const defaults = LEARNT_SIGNALS.map((s) => DEFAULT_SCORING.weights[s]);
  // Bagging: each bag of customers is fitted on its own and the blends (each summing to 1) are averaged, which smooths
  // the ascent's discrete steps and one sample's noise; one bag is the plain fit.
  const bagOf = (part: WindowPart, b: number): WindowPart => ({ customers: part.customers.filter((_, c) => c % bagsPerWindow === b), share: part.share });
  const bagCount = (part: WindowPart): number => Math.min(bagsPerWindow, part.customers.length);
  let raw: number[];
  let pairs = 0;
  let bags = 0;
  if (options.windowMode === 'joint' && parts.length > 1) {
    const fits = Array.from({ length: Math.max(...parts.map(bagCount)) }, (_, b) => fitBag(parts.map((part) => bagOf(part, b)), defaults, options));
    raw = LEARNT_SIGNALS.map((_, f) => fits.reduce((sum, fit) => sum + fit.weights[f], 0) / fits.length);
    pairs = fits.reduce((sum, fit) => sum + fit.pairs, 0);
    bags = fits.length;
  } else {
    raw = LEARNT_SIGNALS.map(() => 0);
    for (const part of parts) {
      const fits = Array.from({ length: bagCount(part) }, (_, b) => fitBag([{ customers: bagOf(part, b).customers, share: 1 }], defaults, options));
      LEARNT_SIGNALS.forEach((_, f) => { raw[f] += part.share * (fits.reduce((sum, fit) => sum + fit.weights[f], 0) / fits.length); });
      pairs += fits.reduce((sum, fit) => sum + fit.pairs, 0);
      bags += fits.length;
    }
  }
  const top = Math.max(...raw);
  const scaled = top > 0 ? raw.map((w) => w / top) : defaults;
  const weights: Partial<SignalWeights> = {};
  LEARNT_SIGNALS.forEach((signal, f) => { weights[signal] = scaled[f]; });
  return {
    weights, windowStart: windows[0].start, windowEnd: windows[windows.length - 1].end,
    customers: parts.reduce((sum, part) => sum + part.customers.length, 0), bags, pairs,
    ...(windows.length > 1 ? { windows: parts.length } : {}),
    learnt: windowsScore(parts, scaled), defaults: windowsScore(parts, defaults),
  };
}

/** The pairwise fit refined by coordinate ascent on one bag of customers; weights sum to 1 (defaults when all are 0). */
function fitBag(parts: readonly WindowPart[], defaults: readonly number[], options: BlendFitOptions): { weights: number[]; pairs: number } {
  const collector = new PairCollector(WIDTH);
  for (const part of parts) {
    const scale = part.share * parts.length;
    for (const c of part.customers) {
      addPairs(collector, c, false, 0.5 * scale, options);
      addPairs(collector, c, true, 0.5 * scale, options);
    }
  }
  const pairwise = fitPairwise(collector.pairs(), { iterations: options.iterations, learningRate: 0.05, l2: options.l2, start: defaults });
  // The ascent only climbs from where it starts: it starts from the pairwise fit and from the default weights, and the
  // window decides between the two results (for a shop unlike the one the defaults were tuned on, the fit wins).
  const candidates = options.fromDefaults ? [pairwise, defaults] : [pairwise];
  const refined = candidates.map((start) => refine(parts, start, options));
  const windowValue = (w: readonly number[]): number => { const s = windowsScore(parts, w); return (s.all + s.new) / 2; };
  const best = refined.reduce((top, w) => (windowValue(w) > windowValue(top) + 1e-9 ? w : top));
  const total = best.reduce((sum, w) => sum + w, 0);
  const weights = total > 0 ? best : defaults;
  const sum = weights.reduce((s, w) => s + w, 0);
  return { weights: weights.map((w) => w / sum), pairs: collector.count };
}

/**
 * The orders before the validation windows and each window's (oldest first): `count` consecutive windows of
 * `windowDays`, the last ending at the latest order.
 */
export function splitAtWindows(orders: Iterable<Order>, windowDays: number, count: number): { before: Order[]; windows: BlendWindow[] } {
  const all = [...orders];
  let end = Number.NEGATIVE_INFINITY;
  for (const order of all) end = Math.max(end, Date.parse(order.date));
  const span = windowDays * 86_400_000;
  const first = end - count * span;
  const windows = Array.from({ length: count }, (_, w) => ({ orders: [] as Order[], start: first + w * span, end: w === count - 1 ? end : first + (w + 1) * span }));
  const before: Order[] = [];
  for (const order of all) {
    const time = Date.parse(order.date);
    if (time < first) { before.push(order); continue; }
    // An unparsable date lands in the last window, whose addOrder reports it.
    (windows[Math.min(count - 1, Math.floor((time - first) / span))] ?? windows[count - 1]).orders.push(order);
  }
  return { before, windows };
}

/** Orders before the validation window and in it (the window = the last `windowDays` before the latest order). */
export function splitAtWindow(orders: Iterable<Order>, windowDays: number): { before: Order[]; window: Order[]; start: number; end: number } {
  const { before, windows } = splitAtWindows(orders, windowDays, 1);
  return { before, window: windows[0].orders as Order[], start: windows[0].start, end: windows[0].end };
}
