/**
 * Customer lifetime value by segment (pure): what customers have spent so far, plus a simple projection.
 * - historic value per customer = all their orders' totals / customers in the segment (customers with an order);
 * - average order value (AOV) = those totals / those orders;
 * - purchase frequency = orders in the 365 days before `now` per customer in the segment (orders per year);
 * - projected value = AOV × purchase frequency × expected remaining lifetime (CLV_EXPECTED_YEARS, default 3);
 * - lifetime value = historic value per customer + projected value.
 * Customers are grouped by their current primary segment; orders of erased customers (pseudonyms with no segment)
 * are left out.
 */
import { orderTotal } from '../../domain/limits';
import type { Order, SegmentAssignment } from '../../domain/model';

const YEAR_MS = 365 * 86_400_000;

export interface LifetimeValueRow {
  segment: string;
  customers: number;
  orders: number;
  historicRevenue: number;
  historicValuePerCustomer: number | null;
  averageOrderValue: number | null;
  ordersPerCustomerPerYear: number | null;
  projectedValue: number | null;
  lifetimeValue: number | null;
}

interface Tally { customers: Set<string>; orders: number; revenue: number; recentOrders: number }

export function lifetimeValueBySegment(
  orders: readonly Order[], segments: readonly SegmentAssignment[], now: Date, expectedYears: number,
): LifetimeValueRow[] {
  const segmentOf = new Map(segments.map((s) => [s.customerId, s.primary]));
  const tallies = new Map<string, Tally>();
  const tally = (key: string) => {
    let t = tallies.get(key);
    if (!t) tallies.set(key, t = { customers: new Set(), orders: 0, revenue: 0, recentOrders: 0 });
    return t;
  };
  const since = now.getTime() - YEAR_MS;
  for (const order of orders) {
    const segment = segmentOf.get(order.customerId);
    const total = orderTotal(order.lines);
    if (segment === undefined || !Number.isFinite(total)) continue;
    const at = Date.parse(order.date);
    for (const t of [tally(segment), tally('all')]) {
      t.customers.add(order.customerId);
      t.orders += 1;
      t.revenue += total;
      if (at > since && at <= now.getTime()) t.recentOrders += 1;
    }
  }
  tally('all');
  const keys = [...tallies.keys()].filter((k) => k !== 'all').sort();
  return [...keys, 'all'].map((segment) => toRow(segment, tallies.get(segment) as Tally, expectedYears));
}

const money = (n: number) => Math.round(n * 100) / 100;

function toRow(segment: string, t: Tally, expectedYears: number): LifetimeValueRow {
  const customers = t.customers.size;
  const aov = t.orders ? t.revenue / t.orders : null;
  const frequency = customers ? t.recentOrders / customers : null;
  const projected = aov !== null && frequency !== null ? aov * frequency * expectedYears : null;
  const historic = customers ? t.revenue / customers : null;
  return {
    segment, customers, orders: t.orders, historicRevenue: money(t.revenue),
    historicValuePerCustomer: historic === null ? null : money(historic),
    averageOrderValue: aov === null ? null : money(aov),
    ordersPerCustomerPerYear: frequency === null ? null : Math.round(frequency * 1000) / 1000,
    projectedValue: projected === null ? null : money(projected),
    lifetimeValue: historic === null || projected === null ? null : money(historic + projected),
  };
}
