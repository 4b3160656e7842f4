/** Experiments per segment under /api/review/experiments: define, watch the KPIs per variant, end and roll out. */
import type { Server } from 'restify';
import { z } from 'zod';
import { attributeOrders } from '../services/attribution/attribution';
import { experimentKpis, type SegmentKpis } from '../services/experiments/experimentKpis';
import { ExperimentError, NewExperimentSchema } from '../services/experiments/experimentService';
import type { Experiment } from '../domain/experiments';
import type { ReviewContext } from './deps';
import { toCsv, type CsvCell } from './csv';
import { csvHeaders, requireInsightRole, type MarketingInsights } from './experimentDeps';
import { HttpError } from '../http/errors';
import { handle, parseBody, parseOr400, sendJson } from '../http/json';

const IdParams = z.object({ id: z.string().min(1).max(100) });
const EndBody = z.object({ winnerVariantId: z.string().min(1).nullable() }).strict();

export function registerExperimentRoutes(server: Server, ctx: ReviewContext, insights: MarketingInsights): void {
  const { logger } = ctx.deps;
  const service = insights.experiments;

  server.get('/api/review/experiments', handle(logger, async (req, res) => {
    await requireInsightRole(ctx, req);
    const [experiments, exposures] = await Promise.all([service.list(), insights.experiments.exposuresAll()]);
    const counts = new Map<string, number>();
    for (const x of exposures) counts.set(x.experimentId, (counts.get(x.experimentId) ?? 0) + 1);
    sendJson(res, 200, { items: [...experiments].reverse().map((e) => ({ ...e, exposures: counts.get(e.id) ?? 0 })) });
  }));

  server.post('/api/review/experiments', handle(logger, async (req, res) => {
    const staff = await requireInsightRole(ctx, req);
    const input = parseBody(req, NewExperimentSchema);
    sendJson(res, 201, await service.create(input, staff.id));
  }));

  server.get('/api/review/experiments/:id', handle(logger, async (req, res) => {
    await requireInsightRole(ctx, req);
    const experiment = await found(insights, req.params);
    sendJson(res, 200, { experiment, windowDays: insights.attributionWindowDays, segments: await kpisOf(ctx, insights, experiment) });
  }));

  server.get('/api/review/experiments/:id/kpis.csv', handle(logger, async (req, res) => {
    await requireInsightRole(ctx, req);
    const experiment = await found(insights, req.params);
    res.writeHead(200, csvHeaders(`experiment-${experiment.id}.csv`));
    res.end(toCsv([...KPI_CSV_HEADERS], kpiCsvRows(await kpisOf(ctx, insights, experiment))));
  }));

  server.post('/api/review/experiments/:id/end', handle(logger, async (req, res) => {
    const staff = await requireInsightRole(ctx, req);
    const { id } = parseOr400(IdParams, req.params);
    const { winnerVariantId } = parseBody(req, EndBody);
    try {
      sendJson(res, 200, await service.end(id, winnerVariantId, staff.id));
    } catch (error) {
      if (error instanceof ExperimentError) throw new HttpError(error.status, error.message);
      throw error;
    }
  }));
}

async function found(insights: MarketingInsights, params: unknown): Promise<Experiment> {
  const { id } = parseOr400(IdParams, params);
  const experiment = await insights.experiments.get(id);
  if (!experiment) throw new HttpError(404, 'No such experiment.');
  return experiment;
}

async function kpisOf(ctx: ReviewContext, insights: MarketingInsights, experiment: Experiment): Promise<SegmentKpis[]> {
  const { deps } = ctx;
  const [exposures, events, feedback, audit, orders] = await Promise.all([
    insights.experiments.exposures(experiment.id), deps.suggestionEvents.list(), deps.feedback.list(), deps.audit.list(), insights.orders.list(),
  ]);
  const attributed = attributeOrders(orders, events, insights.attributionWindowDays);
  return experimentKpis({ experiment, exposures, events, feedback, attributed, audit, windowDays: insights.attributionWindowDays });
}

const KPI_CSV_HEADERS = [
  'segment', 'variant', 'control', 'exposures', 'openRate', 'openRateLow', 'openRateHigh', 'conversion', 'conversionLow', 'conversionHigh',
  'revenuePerConversation', 'revenueLow', 'revenueHigh', 'csat', 'csatLow', 'csatHigh', 'csatResponses',
  'optOutRate', 'optOutLow', 'optOutHigh', 'warnings',
] as const;

function kpiCsvRows(segments: SegmentKpis[]): CsvCell[][] {
  const r = (n: number | null | undefined) => (n === null || n === undefined ? null : Math.round(n * 10_000) / 10_000);
  return segments.flatMap((s) => s.variants.map((v) => [
    s.segment, v.variantId, v.control, v.exposures,
    r(v.openRate.value), r(v.openRate.ci?.low), r(v.openRate.ci?.high),
    r(v.conversion.value), r(v.conversion.ci?.low), r(v.conversion.ci?.high),
    r(v.revenuePerConversation.value), r(v.revenuePerConversation.ci?.low), r(v.revenuePerConversation.ci?.high),
    r(v.csat.value), r(v.csat.ci?.low), r(v.csat.ci?.high), v.csat.n,
    r(v.optOutRate.value), r(v.optOutRate.ci?.low), r(v.optOutRate.ci?.high), v.warnings.join('; '),
  ]));
}
