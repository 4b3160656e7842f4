/** Signals from the customer's own purchases: repeat strength and co-purchase neighbours of what they bought. */
import type { CandidateBoard } from './candidateBoard';
import type { CoPurchaseGraph, CoPurchaseScratch } from './coPurchase';
import type { CustomerHistory } from './customerHistory';
import { decayByAge } from './decay';
import type { PopularityCounter } from './popularity';
import type { RecommenderIndex } from './recommenderIndex';
import { selectTopByValue } from './selectTop';
import type { ScoringParameters, SignalWeights } from './types';

export interface HistoryStrength {
  item: number;
  /** 0..1 relative to the customer's strongest item. */
  strength: number;
}

/**
 * orders^f * exp(-age / tau), scaled so the customer's strongest item is 1; strongest first.
 * Called with repeatTauDays (and the item's repeat rate) for the repeat signal, sourceTauDays for co-purchase sources.
 */
export function historyStrengths(
  history: CustomerHistory, now: number, frequencyExponent: number, tauDays: number, itemFactor?: (item: number) => number,
): HistoryStrength[] {
  const out: HistoryStrength[] = [];
  let max = 0;
  for (const [item, bought] of history.items) {
    const raw = Math.pow(bought.orders, frequencyExponent) * decayByAge(now - bought.lastTime, tauDays) * (itemFactor ? itemFactor(item) : 1);
    out.push({ item, strength: raw });
    if (raw > max) max = raw;
  }
  if (max > 0) for (const entry of out) entry.strength /= max;
  // The comparator returns small integers: a double result (b.strength - a.strength) is boxed on every comparison.
  out.sort((a, b) => (a.strength > b.strength ? -1 : a.strength < b.strength ? 1 : a.item - b.item));
  return out;
}

/**
 * Repeat momentum: the customer's own items that sell faster than usual right now (index.momentum()), scaled so
 * the fastest riser in the shop gets the full weight — seasonal rebuys come back to the top as their season starts.
 */
export function addRepeatMomentumSignal(
  board: CandidateBoard, strengths: readonly HistoryStrength[], momentum: PopularityCounter, weight: number, allowed: (item: number) => boolean,
): void {
  const max = momentum.max;
  if (max <= 0) return;
  for (const { item } of strengths) {
    const rise = momentum.get(item);
    if (rise > 0 && allowed(item)) board.add(item, 'repeat_momentum', (weight * rise) / max);
  }
}

/**
 * Recent repeat (TIFU-KNN's own vector): per item, the mean over groups of `groupSize` baskets (counted back from
 * the latest) of the share of the group's baskets holding it, older groups decayed by `groupDecay` each; scaled to 0..weight.
 */
export function addRecentRepeatSignal(
  board: CandidateBoard, history: CustomerHistory, shape: { groupSize: number; groupDecay: number }, weight: number, allowed: (item: number) => boolean,
): void {
  // Dense sums and the items in first-seen order (what a Map would iterate), reused across requests.
  const scratch = recentScratch;
  let { sums } = scratch;
  const { touched } = scratch;
  let count = 0;
  const baskets = history.baskets;
  let groupWeight = 1;
  for (let end = baskets.length; end > 0; end -= shape.groupSize) {
    const start = Math.max(0, end - shape.groupSize);
    const share = groupWeight / (end - start);
    for (let b = start; b < end; b++) {
      const items = baskets[b].items;
      for (let k = 0; k < items.length; k++) {
        const item = items[k];
        if (item >= sums.length) sums = scratch.sums = grownSums(sums, item);
        if (sums[item] === 0) touched[count++] = item;
        sums[item] += share;
      }
    }
    groupWeight *= shape.groupDecay;
  }
  let max = 0;
  for (let n = 0; n < count; n++) max = Math.max(max, sums[touched[n]]);
  for (let n = 0; n < count; n++) {
    const item = touched[n];
    if (max > 0 && allowed(item)) board.add(item, 'repeat_recent', (weight * sums[item]) / max);
    sums[item] = 0;
  }
}

/** addRecentRepeatSignal's per-item sums (all 0 between requests) and touched items (read up to a count). */
const recentScratch = { sums: new Float64Array(0), touched: [] as number[] };

function grownSums(sums: Float64Array<ArrayBuffer>, item: number): Float64Array<ArrayBuffer> {
  const grown = new Float64Array(Math.max(2 * sums.length, item + 1, 1024));
  grown.set(sums);
  return grown;
}

export function addRepeatSignal(board: CandidateBoard, strengths: readonly HistoryStrength[], weights: SignalWeights, allowed: (item: number) => boolean): void {
  for (const { item, strength } of strengths) if (allowed(item)) board.add(item, 'repeat', weights.repeat * strength);
}

/**
 * Sums strength(source) * similarity(source, item) over `sources` (the customer's strongest items), in the short-memory graph
 * and (when the index has one and longMemoryShare > 0) the long-memory graph; each graph's sums are scaled to 0..1
 * before blending, so the share means the same for every customer. Keeps the `coPurchaseCandidates` best items
 * (the long tail of weak neighbours cannot reach the top, and skipping it keeps requests under a millisecond) and
 * scales them to 0..weight. The reason names the history item that gave the most blended score.
 */
export function addCoPurchaseSignal(
  board: CandidateBoard, index: RecommenderIndex, sources: readonly HistoryStrength[],
  params: ScoringParameters, weights: SignalWeights, allowed: (item: number) => boolean,
): void {
  const share = index.longCoPurchase ? Math.min(1, Math.max(0, params.longMemoryShare)) : 0;
  const short = index.itemScratch('short');
  const long = index.itemScratch('long');
  try {
    if (share < 1) accumulate(index.coPurchase, sources, params, short);
    if (share > 0 && index.longCoPurchase) {
      accumulate(index.longCoPurchase, sources, params, long);
      const shortMax = maxAllowed(short, allowed);
      const longMax = maxAllowed(long, allowed);
      if (longMax > 0) blendInto(short, shortMax > 0 ? (1 - share) / shortMax : 0, long, share / longMax);
    }
    const { sums, bestSource, touched } = short;
    // Sums were gathered without the rules (an item recurs in many lists); the rules run only for items that would rank.
    const kept = selectTopByValue(touched, params.coPurchaseCandidates, sums, allowed, short.touchedCount);
    const max = kept.length > 0 ? sums[kept[0]] : 0;
    if (max > 0) for (const item of kept) board.addSourced(item, 'co_purchase', bestSource[item], (weights.co_purchase * sums[item]) / max);
  } finally {
    short.reset();
    long.reset();
  }
}

/** Adds one graph's co-purchase sums and best sources into `scratch`, for every item (the rules are checked later). */
function accumulate(graph: CoPurchaseGraph, sources: readonly HistoryStrength[], params: ScoringParameters, scratch: CoPurchaseScratch): void {
  const targetNorms = graph.targetNorms;
  const { sums, bestValue, bestSource, touched } = scratch;
  for (const { item: source, strength } of sources) {
    const sourceWeight = Math.pow(strength, params.sourceExponent) / graph.sourceNorm(source);
    const list = graph.neighbours(source);
    for (let k = 0; k < list.items.length; k++) {
      const item = list.items[k];
      const value = (sourceWeight * list.coWeights[k]) / targetNorms[item];
      if (sums[item] === 0) touched[scratch.touchedCount++] = item;
      sums[item] += value;
      if (value > bestValue[item]) {
        bestValue[item] = value;
        bestSource[item] = source;
      }
    }
  }
}

function maxAllowed(scratch: CoPurchaseScratch, allowed: (item: number) => boolean): number {
  let max = 0;
  for (let n = 0; n < scratch.touchedCount; n++) {
    const item = scratch.touched[n];
    if (scratch.sums[item] > max && allowed(item)) max = scratch.sums[item];
  }
  return max;
}

/** target = target * targetScale + other * otherScale, per item; the best source is the one with the larger scaled value. */
function blendInto(target: CoPurchaseScratch, targetScale: number, other: CoPurchaseScratch, otherScale: number): void {
  for (let n = 0; n < target.touchedCount; n++) {
    const item = target.touched[n];
    target.sums[item] *= targetScale;
    target.bestValue[item] *= targetScale;
  }
  for (let n = 0; n < other.touchedCount; n++) {
    const item = other.touched[n];
    if (target.sums[item] === 0) target.touched[target.touchedCount++] = item;
    target.sums[item] += other.sums[item] * otherScale;
    const value = other.bestValue[item] * otherScale;
    if (value > target.bestValue[item]) {
      target.bestValue[item] = value;
      target.bestSource[item] = other.bestSource[item];
    }
  }
}

/**
 * Customers like you: items bought by the nearest customers, scaled to 0..weight. Only items the customer has
 * not bought (discovery; the repeat signal already ranks their own items — validated in recommender/eval/README.md).
 */
export function addSimilarCustomersSignal(
  board: CandidateBoard, index: RecommenderIndex, customerId: string, params: ScoringParameters, weights: SignalWeights, allowed: (item: number) => boolean,
): void {
  const own: { item: number; value: number }[] | undefined = weights.repeat_shared > 0 ? [] : undefined;
  const near = index.buyers.score(customerId, params.similarCustomers, allowed, own);
  const max = near.length > 0 ? near[0].value : 0;
  if (max > 0 && weights.similar_customers > 0) for (const { item, value } of near) board.add(item, 'similar_customers', (weights.similar_customers * value) / max);
  // Re-buys the nearest customers share (TIFU-KNN's neighbour part): own items, scaled among themselves.
  let ownMax = 0;
  for (const { value } of own ?? []) ownMax = Math.max(ownMax, value);
  if (ownMax > 0) for (const { item, value } of own ?? []) board.add(item, 'repeat_shared', (weights.repeat_shared * value) / ownMax);
}

/**
 * "More like X": X's neighbours in the long-memory co-purchase graph (when the index has one, else the main graph) by
 * their raw co-weight, scaled to 0..weight. No popularity normalisation here: in the item-to-item evaluation
 * (recommender/eval/README.md) dividing by the neighbour's popularity, as the personal co-purchase signal does, lost a
 * quarter of NDCG@10 on both validation cuts, and a 60-day decay beat the main graph's 20 days.
 */
export function addSimilarToSignal(
  board: CandidateBoard, index: RecommenderIndex, anchor: number, weights: SignalWeights, allowed: (item: number) => boolean,
): void {
  const graph = index.longCoPurchase ?? index.coPurchase;
  const list = graph.neighbours(anchor);
  // Two passes over the list (the rules' verdicts are cached per request) instead of collecting [item, value] pairs.
  let max = 0;
  for (let k = 0; k < list.items.length; k++) {
    const item = list.items[k];
    if (item !== anchor && allowed(item) && list.coWeights[k] > max) max = list.coWeights[k];
  }
  for (let k = 0; k < list.items.length; k++) {
    const item = list.items[k];
    if (item !== anchor && allowed(item)) board.add(item, 'similar_to', (weights.similar_to * list.coWeights[k]) / max);
  }
}

/**
 * Goes well with (EASE): items the item-item model links to what the customer bought, never their own items,
 * scaled to 0..weight; the reason names the bought item that contributed most.
 */
export function addGoesWithSignal(
  board: CandidateBoard, index: RecommenderIndex, sources: readonly HistoryStrength[], params: ScoringParameters,
  weight: number, allowed: (item: number) => boolean,
): void {
  const model = index.ease();
  if (!model) return;
  // Each source costs one K-long row at request time: hence only the strongest items.
  const weighted = sources.map(({ item, strength }) => ({ item, weight: params.easeWeightedSources ? strength : 1 }));
  const found = model.recommend(weighted, params.easeCandidates, allowed);
  const max = found.length > 0 ? found[0].value : 0;
  if (max > 0) for (const { item, value, source } of found) board.addSourced(item, 'goes_with', source, (weight * value) / max);
}
