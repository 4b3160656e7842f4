/** KPIs by segment as JSON and CSV. */
import type { Server } from 'restify';
import { z } from 'zod';
import type { ReviewContext } from './deps';
import { toCsv } from './csv';
import { DayParam } from './dateRange';
import { handle, parseOr400, queryOf, sendJson } from '../http/json';
import { computeKpis, KPI_CSV_HEADERS } from './kpis';
import { loadReviewFacts } from './reviewFacts';

const KpiQuerySchema = z.object({ from: DayParam.optional(), to: DayParam.optional() }).strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });

export function registerKpiRoutes(server: Server, ctx: ReviewContext): void {
  const { logger } = ctx.deps;

  server.get('/api/review/kpis', handle(logger, async (req, res) => {
    await ctx.sessions.require(req);
    const { from, to } = parseOr400(KpiQuerySchema, queryOf(req));
    const rows = computeKpis(await loadReviewFacts(ctx.deps), from, to);
    sendJson(res, 200, { from: from ?? null, to: to ?? null, rows });
  }));

  server.get('/api/review/export/kpis.csv', handle(logger, async (req, res) => {
    await ctx.sessions.require(req);
    const { from, to } = parseOr400(KpiQuerySchema, queryOf(req));
    const rows = computeKpis(await loadReviewFacts(ctx.deps), from, to);
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-store',
      'content-disposition': 'attachment; filename="kpis-by-segment.csv"',
    });
    res.end(toCsv([...KPI_CSV_HEADERS], rows.map((r) => KPI_CSV_HEADERS.map((h) => r[h]))));
  }));
}
