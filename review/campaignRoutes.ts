/**
 * /api/review/campaigns: marketers and admins create and watch campaigns to a segment. JSON only, zod at the edge,
 * 4xx with the reason. Customers in previews and dry runs are shown as customerView shows them to the role
 * (contact details masked for everyone but admins).
 */
import type { Request, Server } from 'restify';
import { z } from 'zod';
import { AudienceSchema, type Campaign } from '../data/campaignPorts';
import { NewCampaignSchema } from '../services/campaigns/campaignInput';
import { CampaignRefusal, type CampaignService, type CampaignSummary } from '../services/campaigns/campaignService';
import type { ReviewContext } from './deps';
import { HttpError } from '../http/errors';
import { bodyOf, handle, parseOr400, sendJson } from '../http/json';
import { customerView } from './masking';

const CAMPAIGN_ROLES = ['marketer', 'admin'] as const;
const DRY_RUN_LIST = 100;
const REFUSAL_STATUS = { not_found: 404, conflict: 409, refused: 422 } as const;

const PreviewSchema = z.object({ audience: AudienceSchema }).strict();
const IdSchema = z.string().min(1).max(100);

function campaignView({ campaign, counts }: CampaignSummary): Record<string, unknown> {
  const { id, name, audience, message, strategy, startAt, frequencyCap, quietHours, status, createdAt, updatedAt } = campaign satisfies Campaign;
  return { id, name, audience, message, strategy, startAt, frequencyCap, quietHours, status, createdAt, updatedAt, counts };
}

/** The service's refusals as HTTP errors; anything else stays an internal error. */
async function refusalsAsHttp<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CampaignRefusal) throw new HttpError(REFUSAL_STATUS[error.kind], error.message);
    throw error;
  }
}

function audienceOf(body: unknown): unknown {
  return typeof body === 'object' && body !== null ? (body as { audience?: unknown }).audience : undefined;
}

export function registerCampaignRoutes(server: Server, ctx: ReviewContext, service: CampaignService): void {
  const { logger } = ctx.deps;
  const staffOf = (req: Request) => ctx.sessions.requireRole(req, CAMPAIGN_ROLES);
  const idOf = (req: Request) => parseOr400(IdSchema, req.params.id);
  // The fairness guard reads the audience as sent, so `{ "religion": ... }` is refused for what it is.
  const guard = (raw: unknown) => {
    const reason = service.protectedReason(raw);
    if (reason) throw new HttpError(422, reason);
  };

  server.get('/api/review/campaigns', handle(logger, async (req, res) => {
    await staffOf(req);
    sendJson(res, 200, { items: (await service.list()).map(campaignView) });
  }));

  server.get('/api/review/campaigns/choices', handle(logger, async (req, res) => {
    await staffOf(req);
    sendJson(res, 200, await service.choices());
  }));

  server.post('/api/review/campaigns/audience', handle(logger, async (req, res) => {
    const staff = await staffOf(req);
    const body = bodyOf(req);
    guard(audienceOf(body));
    const { audience } = parseOr400(PreviewSchema, body);
    const preview = await service.preview(audience);
    sendJson(res, 200, { ...preview, sample: preview.sample.map((c) => customerView(c, staff.role)) });
  }));

  server.post('/api/review/campaigns', handle(logger, async (req, res) => {
    const staff = await staffOf(req);
    const body = bodyOf(req);
    guard(audienceOf(body));
    const input = parseOr400(NewCampaignSchema, body);
    const campaign = await refusalsAsHttp(() => service.create(input, audienceOf(body), staff.id));
    sendJson(res, 201, campaignView({ campaign, counts: { sent: 0, queued: 0, shown: 0, skipped: 0 } }));
  }));

  server.get('/api/review/campaigns/:id', handle(logger, async (req, res) => {
    await staffOf(req);
    const id = idOf(req);
    sendJson(res, 200, campaignView(await refusalsAsHttp(() => service.get(id))));
  }));

  server.post('/api/review/campaigns/:id/dry-run', handle(logger, async (req, res) => {
    const staff = await staffOf(req);
    const id = idOf(req);
    const plan = await refusalsAsHttp(() => service.dryRun(id));
    const count = (outcome: string, reason?: string) => plan.filter((e) => e.outcome === outcome && (reason === undefined || e.reason === reason)).length;
    sendJson(res, 200, {
      wouldReach: count('proactive') + count('next_visit'),
      proactive: count('proactive'), nextVisit: count('next_visit'),
      skipped: { noConsent: count('skipped', 'no_consent'), frequencyCap: count('skipped', 'frequency_cap') },
      customers: plan.slice(0, DRY_RUN_LIST).map((e) => ({ customer: customerView(e.customer, staff.role), outcome: e.outcome, reason: e.reason })),
      sent: 0,
    });
  }));

  for (const action of ['start', 'pause', 'resume'] as const) {
    server.post(`/api/review/campaigns/:id/${action}`, handle(logger, async (req, res) => {
      await staffOf(req);
      const id = idOf(req);
      await refusalsAsHttp(() => service.change(id, action));
      sendJson(res, 200, campaignView(await service.get(id)));
    }));
  }
}
