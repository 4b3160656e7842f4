/** What the bot earned, under /api/review/attribution: last-touch attribution and customer lifetime value, JSON and CSV. */
import type { Server } from 'restify';
import { z } from 'zod';
import { attributionReport, NONE, type AttributionReport, type AttributionRow } from '../services/attribution/attributionReport';
import { lifetimeValueBySegment, type LifetimeValueRow } from '../services/attribution/lifetimeValue';
import type { ReviewContext } from './deps';
import { toCsv, type CsvCell } from './csv';
import { DayParam, dayRange } from './dateRange';
import { csvHeaders, requireInsightRole, type MarketingInsights } from './experimentDeps';
import { handle, parseOr400, queryOf, sendJson } from '../http/json';

const RangeQuery = z.object({ from: DayParam.optional(), to: DayParam.optional() });
const AttributionQuery = RangeQuery.strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
const ExportQuery = RangeQuery.extend({ view: z.enum(['segment', 'campaign', 'variant', 'lifetime']).default('segment') }).strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });

interface LabelledRow extends AttributionRow { label: string }

export function registerAttributionRoutes(server: Server, ctx: ReviewContext, insights: MarketingInsights): void {
  const { logger } = ctx.deps;

  server.get('/api/review/attribution', handle(logger, async (req, res) => {
    await requireInsightRole(ctx, req);
    const { from, to } = parseOr400(AttributionQuery, queryOf(req));
    const { report, lifetime, variantLabels } = await compute(ctx, insights, from, to);
    const label = (row: AttributionRow): LabelledRow => ({ ...row, label: variantLabels.get(row.key) ?? row.key });
    sendJson(res, 200, {
      from: from ?? null, to: to ?? null, windowDays: report.windowDays, expectedYears: insights.clvExpectedYears,
      total: report.total, bySegment: report.bySegment, byCampaign: report.byCampaign, byVariant: report.byVariant.map(label),
      lifetimeValue: lifetime,
      recentOrders: report.orders.slice(-20).reverse().map((o) => ({
        orderId: o.orderId, at: o.at, orderTotal: o.orderTotal, attributedRevenue: o.attributedRevenue,
        matchedProductIds: o.matchedProductIds, touch: { kind: o.touch.kind, at: o.touch.at, productId: o.touch.productId, segment: o.touch.segment?.primary ?? null },
      })),
    });
  }));

  server.get('/api/review/attribution/export.csv', handle(logger, async (req, res) => {
    await requireInsightRole(ctx, req);
    const { from, to, view } = parseOr400(ExportQuery, queryOf(req));
    const { report, lifetime, variantLabels } = await compute(ctx, insights, from, to);
    res.writeHead(200, csvHeaders(`attribution-by-${view}.csv`));
    if (view === 'lifetime') {
      res.end(toCsv([...LIFETIME_HEADERS], lifetime.map((r) => LIFETIME_HEADERS.map((h) => r[h]))));
      return;
    }
    const rows = view === 'segment' ? report.bySegment : view === 'campaign' ? report.byCampaign : report.byVariant;
    res.end(toCsv([view, ...ATTRIBUTION_HEADERS], [...rows, report.total].map((r) => attributionCells(r, variantLabels))));
  }));
}

async function compute(ctx: ReviewContext, insights: MarketingInsights, from?: string, to?: string): Promise<{
  report: AttributionReport; lifetime: LifetimeValueRow[]; variantLabels: Map<string, string>;
}> {
  const [orders, events, exposures, segments, experiments] = await Promise.all([
    insights.orders.list(), ctx.deps.suggestionEvents.list(), insights.experiments.exposuresAll(), insights.segments.list(), insights.experiments.list(),
  ]);
  const range = from || to ? dayRange(from, to) : undefined;
  const report = attributionReport({
    orders, events, exposures, windowDays: insights.attributionWindowDays,
    range: range && { start: Date.parse(range.start), end: Date.parse(range.end) },
  });
  const variantLabels = new Map<string, string>([[NONE, 'no experiment']]);
  for (const e of experiments) for (const v of e.variants) variantLabels.set(`${e.id}/${v.id}`, `${e.name}: ${v.name}`);
  return { report, lifetime: lifetimeValueBySegment(orders, segments, ctx.now(), insights.clvExpectedYears), variantLabels };
}

const ATTRIBUTION_HEADERS = [
  'touchedConversations', 'convertedConversations', 'conversionRate', 'conversionLow', 'conversionHigh',
  'attributedOrders', 'attributedRevenue', 'averageOrderValue',
] as const;

function attributionCells(r: AttributionRow, labels: Map<string, string>): CsvCell[] {
  const round = (n: number | null | undefined) => (n === null || n === undefined ? null : Math.round(n * 10_000) / 10_000);
  return [
    labels.get(r.key) ?? r.key, r.touchedConversations, r.convertedConversations, round(r.conversionRate.value),
    round(r.conversionRate.ci?.low), round(r.conversionRate.ci?.high), r.attributedOrders, r.attributedRevenue, r.averageOrderValue,
  ];
}

const LIFETIME_HEADERS: (keyof LifetimeValueRow)[] = [
  'segment', 'customers', 'orders', 'historicRevenue', 'historicValuePerCustomer', 'averageOrderValue',
  'ordersPerCustomerPerYear', 'projectedValue', 'lifetimeValue',
];
