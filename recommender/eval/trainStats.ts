/** Counts over the train transactions shared by the baselines (string ids, deterministic orderings). */
import type { Transaction } from './split';

export interface TrainStats {
  /** Items by number of distinct customers who bought them, descending; ties by id. */
  popular: string[];
  customerCount: Map<string, number>;
  /** Per customer: item -> number of invoices holding it. */
  userItems: Map<string, Map<string, number>>;
  /** Per customer: the country of most of their invoice lines (first seen wins ties). */
  userCountry: Map<string, string>;
}

export function byCountDesc(counts: ReadonlyMap<string, number>): string[] {
  return [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
}

export function trainStats(train: readonly Transaction[]): TrainStats {
  const invoiceItems = new Set<string>();
  const customerCount = new Map<string, number>();
  const userItems = new Map<string, Map<string, number>>();
  const countryLines = new Map<string, Map<string, number>>();
  for (const row of train) {
    const key = `${row.invoiceNo}\u0000${row.stockCode}`;
    if (!invoiceItems.has(key)) {
      invoiceItems.add(key);
      let items = userItems.get(row.customerId);
      if (!items) userItems.set(row.customerId, (items = new Map()));
      if (!items.has(row.stockCode)) customerCount.set(row.stockCode, (customerCount.get(row.stockCode) ?? 0) + 1);
      items.set(row.stockCode, (items.get(row.stockCode) ?? 0) + 1);
    }
    let countries = countryLines.get(row.customerId);
    if (!countries) countryLines.set(row.customerId, (countries = new Map()));
    countries.set(row.country, (countries.get(row.country) ?? 0) + 1);
  }
  const userCountry = new Map<string, string>();
  for (const [customerId, countries] of countryLines) {
    let best = '';
    let bestCount = -1;
    for (const [country, count] of countries) if (count > bestCount) { best = country; bestCount = count; }
    userCountry.set(customerId, best);
  }
  return { popular: byCountDesc(customerCount), customerCount, userItems, userCountry };
}

/** Appends items from `fill` that are not excluded or already chosen until `k` are listed. */
export function padTo(chosen: string[], fill: readonly string[], exclude: ReadonlySet<string>, k: number): string[] {
  const seen = new Set(chosen);
  for (const item of fill) {
    if (chosen.length >= k) break;
    if (exclude.has(item) || seen.has(item)) continue;
    chosen.push(item);
    seen.add(item);
  }
  return chosen;
}
