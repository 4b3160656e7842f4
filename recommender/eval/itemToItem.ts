/**
 * "More like this", measured: for each test invoice with two or more distinct items, the item on its first line
 * (that train knows) is the anchor and the invoice's other distinct items are relevant; a method ranks items given the
 * anchor alone. NDCG@10 / HR@10 with binary gain, as in OR-T; relevant items unseen in train stay in the denominators.
 * Methods: raw co-purchase counts, item-kNN (cosine over customers, shrink 10), EASE (λ 250) and the production
 * "more like X" (the recommender's similar_to query for a guest, so nothing about a customer helps it).
 */
import { aggregateMetrics, type MethodMetrics } from './metrics';
import { toCatalogAndOrders } from './recommenderMethod';
import { splitByTime, type Transaction } from './split';
import { padTo, trainStats, type TrainStats } from './trainStats';
import { EaseModel } from '../ranking/ease';
import { RecommenderIndex } from '../ranking/recommenderIndex';
import { scoreItems } from '../ranking/scoring';

export interface AnchorQuery { anchor: string; relevant: ReadonlySet<string> }
export type AnchorRanker = (anchor: string, k: number) => string[];

export const ITEM_METHODS = ['recommender', 'co_purchase', 'item_knn', 'ease'] as const;

export function anchorQueries(rows: readonly Transaction[], cutoff: number, known: ReadonlySet<string>): AnchorQuery[] {
  const invoices = new Map<string, string[]>();
  for (const row of rows) {
    if (row.time < cutoff) continue;
    let lines = invoices.get(row.invoiceNo);
    if (!lines) invoices.set(row.invoiceNo, (lines = []));
    if (!lines.includes(row.stockCode)) lines.push(row.stockCode);
  }
  const queries: AnchorQuery[] = [];
  for (const lines of invoices.values()) {
    const anchor = lines.find((item) => known.has(item));
    if (anchor === undefined || lines.length < 2) continue;
    queries.push({ anchor, relevant: new Set(lines.filter((item) => item !== anchor)) });
  }
  return queries;
}

/** Memoised per anchor: many invoices share one. */
function memo(rank: AnchorRanker): AnchorRanker {
  const cache = new Map<string, string[]>();
  return (anchor, k) => {
    const key = `${anchor}\u0000${k}`;
    let found = cache.get(key);
    if (!found) cache.set(key, (found = rank(anchor, k)));
    return found;
  };
}

/** Items by the number of train invoices holding them with the anchor, ties by popularity rank. */
function coPurchaseRanker(train: readonly Transaction[], stats: TrainStats): AnchorRanker {
  const baskets = new Map<string, Set<string>>();
  for (const row of train) {
    let basket = baskets.get(row.invoiceNo);
    if (!basket) baskets.set(row.invoiceNo, (basket = new Set()));
    basket.add(row.stockCode);
  }
  const holding = new Map<string, Set<string>[]>();
  for (const basket of baskets.values()) for (const item of basket) (holding.get(item) ?? holding.set(item, []).get(item) ?? []).push(basket);
  const rankOf = new Map(stats.popular.map((item, r) => [item, r]));
  return (anchor, k) => {
    const counts = new Map<string, number>();
    for (const basket of holding.get(anchor) ?? []) for (const item of basket) if (item !== anchor) counts.set(item, (counts.get(item) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1] || (rankOf.get(a[0]) ?? 0) - (rankOf.get(b[0]) ?? 0)).map(([item]) => item);
    return padTo(ranked.slice(0, k), stats.popular, new Set([anchor]), k);
  };
}

/** Cosine over customers with shrink: |U_a & U_j| / (sqrt(|U_a||U_j|) + shrink). */
function itemKnnAnchorRanker(stats: TrainStats, shrink = 10): AnchorRanker {
  const buyers = new Map<string, string[]>();
  for (const [customerId, items] of stats.userItems) for (const item of items.keys()) (buyers.get(item) ?? buyers.set(item, []).get(item) ?? []).push(customerId);
  return (anchor, k) => {
    const shared = new Map<string, number>();
    for (const customerId of buyers.get(anchor) ?? []) {
      for (const item of stats.userItems.get(customerId)?.keys() ?? []) if (item !== anchor) shared.set(item, (shared.get(item) ?? 0) + 1);
    }
    const own = stats.customerCount.get(anchor) ?? 0;
    const sims = [...shared].map(([item, c]) => [item, c / (Math.sqrt(own * (stats.customerCount.get(item) ?? 1)) + shrink)] as const);
    sims.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return padTo(sims.slice(0, k).map(([item]) => item), stats.popular, new Set([anchor]), k);
  };
}

function easeAnchorRanker(stats: TrainStats, lambda = 250): AnchorRanker {
  const items = [...stats.customerCount.keys()].sort();
  const indexOf = new Map(items.map((item, i) => [item, i]));
  const users = [...stats.userItems.values()].map((bought) => [...bought.keys()].map((item) => indexOf.get(item) ?? -1));
  const model = EaseModel.fit(users, items.length, { lambda, maxItems: items.length });
  return (anchor, k) => {
    const item = indexOf.get(anchor);
    const found = item === undefined ? [] : model.recommend([{ item, weight: 1 }], k, (other) => other !== item);
    return padTo(found.map((c) => items[c.item]), stats.popular, new Set([anchor]), k);
  };
}

/** The production "more like X" for a guest: the same index and scoring the bot serves. */
function recommenderAnchorRanker(train: readonly Transaction[]): AnchorRanker {
  const { products, orders } = toCatalogAndOrders(train);
  const index = RecommenderIndex.build({ products, orders });
  return (anchor, k) => {
    const item = index.catalog.indexOf(anchor);
    if (item === undefined) return [];
    const context = { customerId: null, personalized: false, dismissed: [] };
    const scored = scoreItems(index, context, { allowed: (other) => other !== item, similarTo: item, depth: k });
    return scored.ranked.map((row) => index.catalog.idOf(scored.board.items[row]));
  };
}

export interface ItemToItemReport { queries: number; anchors: number; methods: Record<string, MethodMetrics> }

export function runItemToItem(rows: readonly Transaction[], cutoff: number, methods: readonly string[] = ITEM_METHODS): ItemToItemReport {
  const split = splitByTime(rows, cutoff);
  const stats = trainStats(split.train);
  const queries = anchorQueries(rows, cutoff, new Set(split.trainItems));
  const builders: Record<string, () => AnchorRanker> = {
    recommender: () => recommenderAnchorRanker(split.train),
    co_purchase: () => coPurchaseRanker(split.train, stats),
    item_knn: () => itemKnnAnchorRanker(stats),
    ease: () => easeAnchorRanker(stats),
  };
  const out: Record<string, MethodMetrics> = {};
  for (const name of methods) {
    const rank = memo(builders[name]());
    out[name] = aggregateMetrics(queries.map((q) => rank(q.anchor, 10)), queries.map((q) => q.relevant), split.trainItems.length);
  }
  return { queries: queries.length, anchors: new Set(queries.map((q) => q.anchor)).size, methods: out };
}
