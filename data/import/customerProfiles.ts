/** What the importer learns about each customer from their cleaned rows (before any synthetic detail). */
import type { Product } from '../../domain/model';
import { mostFrequent } from './buildCatalog';
import type { RetailRow } from './onlineRetailCsv';

/** Buyers whose lines average at least this many units look like shops restocking, not consumers. */
export const BUSINESS_AVERAGE_QUANTITY = 24;

export interface CustomerProfile {
  id: string;
  country: string;
  invoices: number;
  lines: number;
  units: number;
  spend: number;
  firstPurchase: number;
  lastPurchase: number;
  /** Spend per category id. */
  spendByCategory: Map<string, number>;
  /** Lines per product tag (only the value tags matter downstream, but counting all is as cheap). */
  linesByTag: Map<string, number>;
  isBusiness: boolean;
}

export function profileCustomers(rows: readonly RetailRow[], products: readonly Product[]): Map<string, CustomerProfile> {
  const productById = new Map(products.map((p) => [p.id, p]));
  const profiles = new Map<string, CustomerProfile>();
  const invoices = new Map<string, Set<string>>();
  const countries = new Map<string, Map<string, number>>();
  for (const row of rows) {
    let profile = profiles.get(row.customerId);
    if (!profile) {
      profile = {
        id: row.customerId, country: row.country, invoices: 0, lines: 0, units: 0, spend: 0, firstPurchase: row.time,
        lastPurchase: row.time, spendByCategory: new Map(), linesByTag: new Map(), isBusiness: false,
      };
      profiles.set(row.customerId, profile);
      invoices.set(row.customerId, new Set());
      countries.set(row.customerId, new Map());
    }
    const amount = row.quantity * row.unitPrice;
    profile.lines++;
    profile.units += row.quantity;
    profile.spend += amount;
    profile.firstPurchase = Math.min(profile.firstPurchase, row.time);
    profile.lastPurchase = Math.max(profile.lastPurchase, row.time);
    invoices.get(row.customerId)?.add(row.invoiceNo);
    const countryCounts = countries.get(row.customerId);
    countryCounts?.set(row.country, (countryCounts.get(row.country) ?? 0) + 1);
    const product = productById.get(row.stockCode);
    if (!product) continue;
    profile.spendByCategory.set(product.category, (profile.spendByCategory.get(product.category) ?? 0) + amount);
    for (const tag of product.tags) profile.linesByTag.set(tag, (profile.linesByTag.get(tag) ?? 0) + 1);
  }
  for (const profile of profiles.values()) {
    profile.invoices = invoices.get(profile.id)?.size ?? 0;
    const countryCounts = countries.get(profile.id);
    if (countryCounts) profile.country = mostFrequent(countryCounts);
    profile.isBusiness = profile.units / profile.lines >= BUSINESS_AVERAGE_QUANTITY;
  }
  return profiles;
}
