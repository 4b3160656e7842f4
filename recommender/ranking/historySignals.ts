/** Signals from the customer's own purchases: repeat strength and co-purchase neighbours of what they bought. */
import type { CandidateBoard } from './candidateBoard';
import type { CustomerHistory } from './customerHistory';
import { decayByAge } from './decay';
import type { RecommenderIndex } from './recommenderIndex';
import { selectTop } from './selectTop';
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
  out.sort((a, b) => b.strength - a.strength || a.item - b.item);
  return out;
}

export function addRepeatSignal(board: CandidateBoard, strengths: readonly HistoryStrength[], weights: SignalWeights, allowed: (item: number) => boolean): void {
  for (const { item, strength } of strengths) if (allowed(item)) board.add(item, 'repeat', weights.repeat * strength);
}

/**
 * Sums strength(source) * similarity(source, item) over the customer's strongest items, keeps the
 * `coPurchaseCandidates` best items (the long tail of weak neighbours cannot reach the top, and skipping it keeps
 * requests under a millisecond), and scales them to 0..weight.
 */
export function addCoPurchaseSignal(
  board: CandidateBoard, index: RecommenderIndex, strengths: readonly HistoryStrength[],
  params: ScoringParameters, weights: SignalWeights, allowed: (item: number) => boolean,
): void {
  const graph = index.coPurchase;
  const targetNorms = graph.targetNorms;
  const scratch = index.coPurchaseScratch();
  const { sums, bestValue, bestSource, touched } = scratch;
  try {
    for (const { item: source, strength } of strengths.slice(0, params.historySources)) {
      const sourceWeight = Math.pow(strength, params.sourceExponent) / graph.sourceNorm(source);
      const list = graph.neighbours(source);
      for (let k = 0; k < list.items.length; k++) {
        const item = list.items[k];
        if (!allowed(item)) continue;
        const value = (sourceWeight * list.coWeights[k]) / targetNorms[item];
        if (sums[item] === 0) touched.push(item);
        sums[item] += value;
        if (value > bestValue[item]) {
          bestValue[item] = value;
          bestSource[item] = source;
        }
      }
    }
    const kept = selectTop(touched, params.coPurchaseCandidates, (a, b) => sums[a] > sums[b] || (sums[a] === sums[b] && a < b));
    const max = kept.length > 0 ? sums[kept[0]] : 0;
    for (const item of kept) board.addCoPurchase(item, bestSource[item], (weights.co_purchase * sums[item]) / max);
  } finally {
    scratch.reset();
  }
}

/** "More like X": X's co-purchase neighbours, scaled to 0..weight. */
export function addSimilarToSignal(
  board: CandidateBoard, index: RecommenderIndex, anchor: number, weights: SignalWeights, allowed: (item: number) => boolean,
): void {
  const graph = index.coPurchase;
  const list = graph.neighbours(anchor);
  const values: [number, number][] = [];
  let max = 0;
  for (let k = 0; k < list.items.length; k++) {
    const item = list.items[k];
    if (item === anchor || !allowed(item)) continue;
    const value = graph.similarity(anchor, item, list.coWeights[k]);
    values.push([item, value]);
    if (value > max) max = value;
  }
  for (const [item, value] of values) board.add(item, 'similar_to', (weights.similar_to * value) / max);
}
