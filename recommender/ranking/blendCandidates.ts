/**
 * What the blend fit reads from one validation window: each sampled customer who buys in the window, scored with every
 * measured signal at weight 1 on the index as it stood at the window's start (the features), which candidates they
 * bought in the window (the labels), and NDCG@10 of a weight vector over those candidates.
 */
import type { Order } from '../../domain/model';
import type { RecommenderIndex } from './recommenderIndex';
import { scoreItems } from './scoring';
import { DEFAULT_SCORING, SIGNALS, type Signal, type SignalWeights } from './types';

/** Signals whose weight is measured; the rest (request, preference, persona, similar_to) are product choices. */
export const LEARNT_SIGNALS: readonly Signal[] = [
  'repeat', 'repeat_recent', 'repeat_momentum', 'repeat_shared', 'co_purchase', 'same_range', 'similar_customers', 'goes_with',
  'new_arrival', 'trending', 'popular', 'segment_popular', 'country_popular',
];

export const WIDTH = LEARNT_SIGNALS.length;

export interface CustomerCandidates {
  features: Float64Array;
  rows: number;
  bought: Uint8Array;
  owned: Uint8Array;
  relevantAll: number;
  relevantNew: number;
}

/** NDCG@10 on the validation window's customers, over their candidates (bought items not reached count as misses). */
export interface ValidationScore { all: number; new: number }

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

function candidatesOf(index: RecommenderIndex, customerId: string, bought: ReadonlySet<number>, depth: number): CustomerCandidates {
  const weights = Object.fromEntries(SIGNALS.map((s) => [s, LEARNT_SIGNALS.includes(s) ? 1 : 0])) as SignalWeights;
  const groups = index.groupsOf(customerId);
  const context = { customerId, personalized: true, dismissed: [], segmentLabel: groups?.segmentLabel, country: groups?.country };
  const scored = scoreItems(index, context, { allowed: () => true, depth }, { ...DEFAULT_SCORING, weights, learnt: false });
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

/**
 * Up to `wanted` of the window's buyers known to the index (an even, deterministic sample by id), each scored on the
 * index as it stands; null when fewer than `minCustomers` buy in the window (too little evidence).
 */
export function windowCandidates(
  index: RecommenderIndex, windowOrders: readonly Order[], sample: { wanted: number; minCustomers: number; depth: number },
): CustomerCandidates[] | null {
  const purchases = windowPurchases(index, windowOrders);
  const ids = [...purchases.keys()].filter((id) => (purchases.get(id)?.size ?? 0) > 0).sort();
  if (ids.length < sample.minCustomers) return null;
  const stride = Math.max(1, ids.length / sample.wanted);
  const chosen: string[] = [];
  for (let k = 0; Math.floor(k) < ids.length && chosen.length < sample.wanted; k += stride) chosen.push(ids[Math.floor(k)]);
  return chosen.map((id) => candidatesOf(index, id, purchases.get(id) ?? new Set(), sample.depth));
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

export function meanNdcg(customers: readonly CustomerCandidates[], weights: readonly number[], newOnly: boolean, top = new Float64Array(10), topRow = new Int32Array(10)): number {
  let sum = 0;
  let n = 0;
  for (const c of customers) {
    const value = ndcgAt10(c, weights, newOnly, top, topRow);
    if (value >= 0) { sum += value; n++; }
  }
  return n > 0 ? sum / n : 0;
}

export function validationScore(customers: readonly CustomerCandidates[], weights: readonly number[]): ValidationScore {
  const top = new Float64Array(10);
  const topRow = new Int32Array(10);
  return { all: meanNdcg(customers, weights, false, top, topRow), new: meanNdcg(customers, weights, true, top, topRow) };
}
