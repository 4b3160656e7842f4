/**
 * Turns cleaned Online Retail rows into a store document: products, customers (synthetic demo contact
 * details) and orders (one per invoice), optionally for a sample of customers and with every date shifted.
 */
import type { Order, OrderLine } from '../../domain/model';
import { emptyStoreData, type StoreData } from '../storeSchema';
import { buildCatalog, otherShare } from './buildCatalog';
import { profileCustomers, type CustomerProfile } from './customerProfiles';
import type { RetailRow } from './onlineRetailCsv';
import { selectCustomers } from './selectCustomers';
import { priceBandsFrom, syntheticCustomer } from './syntheticCustomer';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface BuildStoreOptions {
  /** YYYY-MM-DD: shift every date by whole days so that the last invoice falls on this day. */
  shiftTo?: string;
  /** Keep a deterministic, spread-out sample of this many customers (see selectCustomers). */
  customers?: number;
  /** Customers the sample must contain. */
  requiredCustomers?: readonly string[];
  /** Leave customers with more order lines than this out of the sample. */
  maxLinesPerCustomer?: number;
}

export interface BuildStoreResult {
  store: StoreData;
  shiftDays: number;
  otherShare: number;
  businessCustomers: number;
  /** Profiles of the kept customers (the seed builder reports on them). */
  profiles: CustomerProfile[];
}

/** Whole days from the day of `lastTime` to `shiftTo` (UTC). */
export function shiftDays(lastTime: number, shiftTo: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(shiftTo) || Number.isNaN(Date.parse(`${shiftTo}T00:00:00Z`))) {
    throw new Error(`--shift-to expects a date as YYYY-MM-DD, got "${shiftTo}"`);
  }
  return Math.round((Date.parse(`${shiftTo}T00:00:00Z`) - Math.floor(lastTime / DAY_MS) * DAY_MS) / DAY_MS);
}

/** One order per invoice; repeated product lines at the same price are merged. */
export function buildOrders(rows: readonly RetailRow[], keep: ReadonlySet<string>, shiftMs: number): Order[] {
  const orders = new Map<string, Order>();
  const lineIndex = new Map<string, OrderLine>();
  for (const row of rows) {
    if (!keep.has(row.customerId)) continue;
    let order = orders.get(row.invoiceNo);
    if (!order) {
      order = { id: row.invoiceNo, customerId: row.customerId, date: new Date(row.time + shiftMs).toISOString(), lines: [] };
      orders.set(row.invoiceNo, order);
    }
    const lineKey = `${row.invoiceNo}|${row.stockCode}|${row.unitPrice}`;
    const line = lineIndex.get(lineKey);
    if (line) line.quantity += row.quantity;
    else {
      const created = { productId: row.stockCode, quantity: row.quantity, unitPrice: row.unitPrice };
      lineIndex.set(lineKey, created);
      order.lines.push(created);
    }
  }
  return [...orders.values()];
}

export function buildStore(rows: readonly RetailRow[], options: BuildStoreOptions = {}): BuildStoreResult {
  if (rows.length === 0) throw new Error('No clean rows to import');
  const lastTime = rows.reduce((max, row) => Math.max(max, row.time), -Infinity);
  const days = options.shiftTo ? shiftDays(lastTime, options.shiftTo) : 0;
  const shiftMs = days * DAY_MS;
  const products = buildCatalog(rows, shiftMs);
  const profiles = profileCustomers(rows, products);
  const keptIds = options.customers === undefined
    ? [...profiles.keys()]
    : selectCustomers(profiles, options.customers, { required: options.requiredCustomers, maxLines: options.maxLinesPerCustomer });
  const kept = keptIds.map((id) => profiles.get(id)).filter((p): p is CustomerProfile => p !== undefined);
  const bands = priceBandsFrom(products.map((p) => p.price));
  const customers = kept.map((profile) => syntheticCustomer(profile, bands, shiftMs)).sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    store: { ...emptyStoreData(), products, customers, orders: buildOrders(rows, new Set(keptIds), shiftMs) },
    shiftDays: days,
    otherShare: otherShare(products),
    businessCustomers: kept.filter((p) => p.isBusiness).length,
    profiles: kept,
  };
}
