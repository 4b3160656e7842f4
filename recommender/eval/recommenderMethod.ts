/**
 * The project's recommender as an evaluation method: the same index and `scoreItems` the bot serves,
 * built from train only, with no business filter other than the variant's exclusion.
 */
import type { Order, Product } from '../../domain/model';
import { RecommenderIndex, type CustomerGroups, type IndexOptions } from '../ranking/recommenderIndex';
import { scoreItems } from '../ranking/scoring';
import { DEFAULT_SCORING, type ScoringParameters } from '../ranking/types';
import type { Ranker } from './baselines';
import type { Transaction } from './split';

/** Train rows as catalogue products (first sale = addedAt, last price) and orders (one per invoice). */
export function toCatalogAndOrders(train: readonly Transaction[]): { products: Product[]; orders: Order[] } {
  const products = new Map<string, Product>();
  // Times kept as numbers beside the ISO strings: no date is formatted or parsed again per row or per comparison.
  const firstSale = new Map<string, number>();
  const orders = new Map<string, { order: Order; time: number }>();
  for (const row of train) {
    const known = products.get(row.stockCode);
    if (!known) {
      products.set(row.stockCode, {
        id: row.stockCode, name: row.description || row.stockCode, category: 'other', price: row.unitPrice,
        currency: 'GBP', tags: [], inStock: true, addedAt: new Date(row.time).toISOString(),
      });
      firstSale.set(row.stockCode, row.time);
    } else if ((firstSale.get(row.stockCode) ?? row.time) > row.time) {
      known.addedAt = new Date(row.time).toISOString();
      firstSale.set(row.stockCode, row.time);
    }
    let entry = orders.get(row.invoiceNo);
    if (!entry) {
      entry = { order: { id: row.invoiceNo, customerId: row.customerId, date: new Date(row.time).toISOString(), lines: [] }, time: row.time };
      orders.set(row.invoiceNo, entry);
    }
    entry.order.lines.push({ productId: row.stockCode, quantity: row.quantity, unitPrice: row.unitPrice });
  }
  const byTime = [...orders.values()].sort((a, b) => a.time - b.time || (a.order.id < b.order.id ? -1 : 1)).map((e) => e.order);
  return { products: [...products.values()].sort((a, b) => (a.id < b.id ? -1 : 1)), orders: byTime };
}

export interface RecommenderSetup {
  segments: ReadonlyMap<string, string>;
  countries: ReadonlyMap<string, string>;
  indexOptions?: IndexOptions;
  scoring?: ScoringParameters;
  /** Sees the built index (the eval reports what it learnt). */
  onIndex?: (index: RecommenderIndex) => void;
}

export function recommenderRanker(train: readonly Transaction[], setup: RecommenderSetup): Ranker {
  const { products, orders } = toCatalogAndOrders(train);
  const customers = new Map<string, CustomerGroups>();
  for (const [customerId, country] of setup.countries) customers.set(customerId, { country, segmentLabel: setup.segments.get(customerId) });
  const index = RecommenderIndex.build({ products, orders, customers, options: setup.indexOptions });
  setup.onIndex?.(index);
  const params = setup.scoring ?? DEFAULT_SCORING;
  return (user, k) => {
    const excluded = new Set<number>();
    for (const id of user.exclude) {
      const item = index.catalog.indexOf(id);
      if (item !== undefined) excluded.add(item);
    }
    const context = {
      customerId: user.customerId, personalized: true, dismissed: [],
      segmentLabel: setup.segments.get(user.customerId), country: setup.countries.get(user.customerId),
    };
    const scored = scoreItems(index, context, { allowed: (item) => !excluded.has(item), depth: k }, params);
    return scored.ranked.slice(0, k).map((row) => index.catalog.idOf(scored.board.items[row]));
  };
}
