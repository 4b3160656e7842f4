/**
 * Products from cleaned Online Retail rows. Per StockCode: the most frequent description (title-cased) as the
 * name, its category by the documented keyword rules, the most common unit price (ties: the lower), GBP,
 * tags from the description, in stock when sold in the last 90 days of the data, added at its first sale.
 */
import type { Product } from '../../domain/model';
import { categorize } from './categorize';
import type { RetailRow } from './onlineRetailCsv';
import { productTags, titleCase } from './productText';

const DAY_MS = 24 * 60 * 60 * 1000;
export const IN_STOCK_WINDOW_DAYS = 90;

interface ProductTally {
  descriptions: Map<string, number>;
  prices: Map<number, number>;
  firstSale: number;
  lastSale: number;
}

/** The most frequent key; ties go to the smaller key so the result never depends on row order. */
export function mostFrequent<K extends string | number>(counts: Map<K, number>): K {
  let best: K | undefined;
  let bestCount = -1;
  for (const [key, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && key < best)) {
      best = key;
      bestCount = count;
    }
  }
  if (best === undefined) throw new Error('mostFrequent: no values');
  return best;
}

function increment<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** `shiftMs` moves every date (see --shift-to); the in-stock window is measured on the data's own clock. */
export function buildCatalog(rows: readonly RetailRow[], shiftMs = 0): Product[] {
  const tallies = new Map<string, ProductTally>();
  let lastTime = -Infinity;
  for (const row of rows) {
    let tally = tallies.get(row.stockCode);
    if (!tally) {
      tally = { descriptions: new Map(), prices: new Map(), firstSale: row.time, lastSale: row.time };
      tallies.set(row.stockCode, tally);
    }
    if (row.description) increment(tally.descriptions, row.description);
    increment(tally.prices, row.unitPrice);
    tally.firstSale = Math.min(tally.firstSale, row.time);
    tally.lastSale = Math.max(tally.lastSale, row.time);
    lastTime = Math.max(lastTime, row.time);
  }
  const inStockSince = lastTime - IN_STOCK_WINDOW_DAYS * DAY_MS;
  const products: Product[] = [];
  for (const [id, tally] of tallies) {
    const description = tally.descriptions.size ? mostFrequent(tally.descriptions) : id;
    const match = categorize(description);
    products.push({
      id,
      name: titleCase(description),
      category: match.category,
      ...(match.keyword ? { subcategory: match.keyword } : {}),
      price: mostFrequent(tally.prices),
      currency: 'GBP',
      tags: productTags(description),
      inStock: tally.lastSale >= inStockSince,
      addedAt: new Date(tally.firstSale + shiftMs).toISOString(),
    });
  }
  return products.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Share of products (0..1) whose category is the "other" fallback. */
export function otherShare(products: readonly Product[]): number {
  return products.length ? products.filter((p) => p.category === 'other').length / products.length : 0;
}
