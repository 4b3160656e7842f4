/** The KPI and attribution tables `npm run simulate` prints at the end, read from the console API. */
interface Estimate { value: number | null; n: number; ci: { low: number; high: number } | null }
interface VariantRow {
  name: string; control: boolean; exposures: number; openRate: Estimate; conversion: Estimate; revenuePerConversation: Estimate;
  csat: Estimate; optOutRate: Estimate; warnings: string[];
}
interface AttributionRow {
  key: string; label?: string; touchedConversations: number; convertedConversations: number; conversionRate: Estimate;
  attributedOrders: number; attributedRevenue: number; averageOrderValue: number | null;
}
interface LifetimeRow {
  segment: string; customers: number; orders: number; historicValuePerCustomer: number | null; averageOrderValue: number | null;
  ordersPerCustomerPerYear: number | null; projectedValue: number | null; lifetimeValue: number | null;
}

export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(cells[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

const pct = (e: Estimate) => (e.value === null ? '—' : `${(e.value * 100).toFixed(1)}% [${e.ci ? `${(e.ci.low * 100).toFixed(1)}–${(e.ci.high * 100).toFixed(1)}` : '—'}] n=${e.n}`);
const avg = (e: Estimate) => (e.value === null ? '—' : `${e.value.toFixed(2)} [${e.ci ? `${e.ci.low.toFixed(2)}–${e.ci.high.toFixed(2)}` : '—'}] n=${e.n}`);
const money = (v: number | null) => (v === null ? '—' : `£${v.toFixed(2)}`);

export function experimentTable(segment: string, rows: VariantRow[]): string {
  return `Experiment KPIs, segment: ${segment}\n${table(
    ['variant', 'exposures', 'open rate', 'conversion', 'revenue / conversation', 'CSAT', 'opt-out rate', 'guardrails'],
    rows.map((v) => [`${v.name}${v.control ? ' (control)' : ''}`, v.exposures, pct(v.openRate), pct(v.conversion), avg(v.revenuePerConversation),
      avg(v.csat), pct(v.optOutRate), v.warnings.join(', ') || 'ok']),
  )}`;
}

export function attributionTable(title: string, rows: AttributionRow[]): string {
  return `${title}\n${table(
    ['group', 'touched conv.', 'converted', 'conversion rate', 'attributed orders', 'attributed revenue', 'AOV'],
    rows.map((r) => [r.label ?? r.key, r.touchedConversations, r.convertedConversations, pct(r.conversionRate), r.attributedOrders,
      money(r.attributedRevenue), money(r.averageOrderValue)]),
  )}`;
}

export function lifetimeTable(rows: LifetimeRow[], years: number): string {
  return `Customer lifetime value by segment (projection: AOV × orders per year × ${years} years)\n${table(
    ['segment', 'customers', 'orders', 'historic / customer', 'AOV', 'orders / year', 'projected', 'lifetime value'],
    rows.map((r) => [r.segment, r.customers, r.orders, money(r.historicValuePerCustomer), money(r.averageOrderValue),
      r.ordersPerCustomerPerYear ?? '—', money(r.projectedValue), money(r.lifetimeValue)]),
  )}`;
}

export type { AttributionRow, LifetimeRow, VariantRow };
