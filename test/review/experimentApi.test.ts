/** The experiment and attribution API through a real server on loopback, with the roles and the hand-computed fixture. */
import { assignVariant } from '../../services/experiments/assignment';
import { AT_RISK, CHAMPIONS } from './support/fixture';
import { signIn } from './support/reviewServer';
import { ADMIN, AGENT, startInsightsServer, type InsightsServer } from './support/experimentInsightsServer';

type Client = Awaited<ReturnType<typeof signIn>>;

const NEW_EXPERIMENT = {
  name: 'Tone for at-risk and champions',
  hypothesis: 'A concise tone makes more shoppers open a suggestion',
  segments: ['at_risk', 'champions'],
  variants: [
    { id: 'control', name: 'Persona tone', weight: 1, changes: {} },
    { id: 'concise', name: 'Concise, win-back', weight: 1, changes: { tone: 'concise', strategy: 'win_back', surveyTiming: 'always_on_goodbye' } },
  ],
};

describe('experiments and attribution API', () => {
  let server: InsightsServer;
  let admin: Client;
  let agent: Client;

  beforeAll(async () => {
    server = await startInsightsServer();
    [admin, agent] = await Promise.all([signIn(server.base, ADMIN), signIn(server.base, AGENT)]);
  });
  afterAll(async () => {
    expect(server.errors).toEqual([]);
    await server.close();
  });

  test.each([
    ['GET', '/api/review/experiments'], ['POST', '/api/review/experiments'], ['GET', '/api/review/experiments/x'],
    ['POST', '/api/review/experiments/x/end'], ['GET', '/api/review/attribution'], ['GET', '/api/review/attribution/export.csv'],
  ])('%s %s: 401 without a session, 403 for an agent', async (method, path) => {
    const body = method === 'POST' ? JSON.stringify({}) : undefined;
    const anonymous = await fetch(`${server.base}${path}`, { method, body, headers: { 'content-type': 'application/json' } });
    expect(anonymous.status).toBe(401);
    const res = await agent(path, { method, body });
    expect(res.status).toBe(403);
    expect((await res.json()).message).toMatch(/admins and marketers/);
  });

  test('bad definitions get 400 naming the problem', async () => {
    const cases: [unknown, RegExp][] = [
      [{ ...NEW_EXPERIMENT, variants: [NEW_EXPERIMENT.variants[0]] }, /variants: at least two variants/],
      [{ ...NEW_EXPERIMENT, variants: [NEW_EXPERIMENT.variants[0], { ...NEW_EXPERIMENT.variants[1], id: 'control' }] }, /variant ids must differ/],
      [{ ...NEW_EXPERIMENT, variants: [NEW_EXPERIMENT.variants[0], { ...NEW_EXPERIMENT.variants[1], changes: { tone: 'shouty' } }] }, /variants\.1\.changes\.tone/],
      [{ ...NEW_EXPERIMENT, variants: [NEW_EXPERIMENT.variants[0], { ...NEW_EXPERIMENT.variants[1], weight: 0 }] }, /variants\.1\.weight/],
      [{ ...NEW_EXPERIMENT, controlVariantId: 'nope' }, /controlVariantId: must be the id of one of the variants/],
      [{ ...NEW_EXPERIMENT, colour: 'red' }, /colour/],
    ];
    for (const [body, message] of cases) {
      const res = await admin('/api/review/experiments', { method: 'POST', body: JSON.stringify(body) });
      expect(res.status).toBe(400);
      expect((await res.json()).message).toMatch(message);
    }
  });

  test('create, expose, read KPIs and CSV, then end and roll out the winner', async () => {
    const created = await admin('/api/review/experiments', { method: 'POST', body: JSON.stringify(NEW_EXPERIMENT) });
    expect(created.status).toBe(201);
    const experiment = await created.json();
    expect(experiment).toMatchObject({ status: 'running', controlVariantId: 'control', guardrails: ['optOutRate', 'csat'] });

    // What the bot does on a suggestion round: B in x1 and C in x2 (twice: one exposure), a guest and an opted-out customer none.
    const treat = (conversationId: string, customerId: string | null, personalization = true, segment = AT_RISK) =>
      server.experiments.treatmentFor({ conversationId, customerId, segment, personalization });
    const b = await treat('x1', 'B');
    await treat('x2', 'C', true, CHAMPIONS);
    await treat('x2', 'C', true, CHAMPIONS);
    expect(await treat('g1', null)).toBeNull();
    expect(await treat('a1', 'A', false)).toBeNull();
    const expectedB = assignVariant(experiment.id, 'B', NEW_EXPERIMENT.variants).id;
    expect(b?.variantId).toBe(expectedB);
    expect(b?.tone).toBe(expectedB === 'concise' ? 'concise' : undefined);

    const list = await (await admin('/api/review/experiments')).json();
    expect(list.items.map((e: { id: string; exposures: number }) => [e.id, e.exposures])).toEqual([[experiment.id, 2]]);

    const detail = await (await admin(`/api/review/experiments/${experiment.id}`)).json();
    expect(detail.segments.map((s: { segment: string }) => s.segment)).toEqual(['at_risk', 'champions', 'all']);
    const all = detail.segments[2].variants as { variantId: string; exposures: number; conversion: { successes: number }; revenuePerConversation: { value: number | null } }[];
    const expectedC = assignVariant(experiment.id, 'C', NEW_EXPERIMENT.variants).id;
    for (const v of all) {
      const exposed = [expectedB, expectedC].filter((id) => id === v.variantId).length;
      expect(v.exposures).toBe(exposed);
      // Both exposed conversations converted (orders oB1 and oC1 are attributed to x1 and x2).
      expect(v.conversion.successes).toBe(exposed);
    }

    const csv = await admin(`/api/review/experiments/${experiment.id}/kpis.csv`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toMatch(/^segment,variant,control,exposures,openRate,openRateLow,openRateHigh/);
    expect(lines).toHaveLength(1 + 3 * 2);

    expect((await admin('/api/review/experiments/nope/end', { method: 'POST', body: JSON.stringify({ winnerVariantId: null }) })).status).toBe(404);
    const wrongWinner = await admin(`/api/review/experiments/${experiment.id}/end`, { method: 'POST', body: JSON.stringify({ winnerVariantId: 'zzz' }) });
    expect(wrongWinner.status).toBe(409);
    const ended = await admin(`/api/review/experiments/${experiment.id}/end`, { method: 'POST', body: JSON.stringify({ winnerVariantId: 'concise' }) });
    expect(ended.status).toBe(200);
    expect(await ended.json()).toMatchObject({ status: 'ended', winnerVariantId: 'concise', endedAt: '2026-11-22T12:00:00.000Z' });
    expect((await admin(`/api/review/experiments/${experiment.id}/end`, { method: 'POST', body: JSON.stringify({ winnerVariantId: null }) })).status).toBe(409);

    // Rolled out: everyone in the segments gets the winner, with no new exposure; other segments keep their persona.
    const after = await treat('x9', 'someone-new');
    expect(after).toMatchObject({ variantId: 'concise', tone: 'concise', strategy: 'win_back', rolledOut: true });
    expect(await treat('x10', 'other', true, { primary: 'new_customers', rfmLabel: 'new_customers', persona: 'p' })).toBeNull();
    expect(await server.experiments.exposures(experiment.id)).toHaveLength(2);
  });

  test('attribution by segment and lifetime value match the hand-computed fixture', async () => {
    const res = await admin('/api/review/attribution');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.windowDays).toBe(7);
    expect(body.total).toMatchObject({ touchedConversations: 2, convertedConversations: 2, attributedOrders: 2, attributedRevenue: 27, averageOrderValue: 15 });
    expect(body.bySegment.map((r: { key: string; attributedRevenue: number }) => [r.key, r.attributedRevenue])).toEqual([['at_risk', 7], ['champions', 20]]);
    expect(body.byCampaign.map((r: { key: string }) => r.key)).toEqual(['none']);
    expect(body.lifetimeValue.map((r: { segment: string; lifetimeValue: number; projectedValue: number }) => [r.segment, r.projectedValue, r.lifetimeValue]))
      .toEqual([['at_risk', 30, 40], ['champions', 90, 120], ['all', 60, 80]]);

    const ranged = await (await admin('/api/review/attribution?from=2026-11-22&to=2026-11-22')).json();
    expect(ranged.total).toMatchObject({ attributedOrders: 1, attributedRevenue: 20 });
    const bad = await admin('/api/review/attribution?from=2026-11-23&to=2026-11-01');
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/from must not be after to/);

    const csv = await (await admin('/api/review/attribution/export.csv?view=lifetime')).text();
    expect(csv.split('\r\n')[0]).toBe('segment,customers,orders,historicRevenue,historicValuePerCustomer,averageOrderValue,ordersPerCustomerPerYear,projectedValue,lifetimeValue');
    expect(csv).toContain('champions,1,2,30,30,15,2,90,120');
    const bySegment = await (await admin('/api/review/attribution/export.csv?view=segment')).text();
    expect(bySegment.split('\r\n')).toContain('all,2,2,1,0.3424,1,2,27,15');
    expect((await admin('/api/review/attribution/export.csv?view=colour')).status).toBe(400);
  });
});
