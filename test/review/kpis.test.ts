import { buildFixture, type Fixture } from './support/fixture';
import { AGENT, signIn, startReviewServer, type ReviewServer } from './support/reviewServer';
import { withTempDir } from './support/tempDir';

/**
 * Hand-computed from the fixture for 2026-11-16 .. 2026-11-22 (c5 and its feedback/events are earlier):
 * at_risk: c1 (A, opted out), c2 (B); events shown 4, opened 1, dismissed 2; CSAT 2, 4 -> 3;
 *   NPS 3, 9, 2 -> (1 promoter - 2 detractors) / 3 = -33.3; opt-out {A} of {A, B} = 0.5; handoff c1.
 * champions: c3 (C); shown 2, opened 2; CSAT 5; NPS 10 -> 100; opt-out 0.
 * guest: c4; shown 1; no feedback; handoff c4.
 * all: 4 conversations, 3 identified; shown 7, opened 3/7, dismissed 2/7; CSAT (2+4+5)/3;
 *   NPS 3, 9, 2, 10 -> (2 - 2) / 4 = 0; opt-out {A} of {A, B, C}; 2 handoffs.
 */
const EXPECTED = [
  { segment: 'at_risk', conversations: 2, identifiedShare: 1, suggestionsShown: 4, openedRate: 0.25, dismissedRate: 0.5, csatAverage: 3, csatResponses: 2, nps: -33.3, npsResponses: 3, optOutRate: 0.5, handoffs: 1 },
  { segment: 'champions', conversations: 1, identifiedShare: 1, suggestionsShown: 2, openedRate: 1, dismissedRate: 0, csatAverage: 5, csatResponses: 1, nps: 100, npsResponses: 1, optOutRate: 0, handoffs: 0 },
  { segment: 'guest', conversations: 1, identifiedShare: 0, suggestionsShown: 1, openedRate: 0, dismissedRate: 0, csatAverage: null, csatResponses: 0, nps: null, npsResponses: 0, optOutRate: null, handoffs: 1 },
  { segment: 'all', conversations: 4, identifiedShare: 0.75, suggestionsShown: 7, openedRate: 0.4286, dismissedRate: 0.2857, csatAverage: 3.67, csatResponses: 3, nps: 0, npsResponses: 4, optOutRate: 0.3333, handoffs: 2 },
];

describe('KPIs by segment', () => {
  let fixture: Fixture;
  let server: ReviewServer;
  let cleanup: () => Promise<void>;
  let agent: Awaited<ReturnType<typeof signIn>>;

  beforeAll(async () => {
    const temp = await withTempDir();
    cleanup = temp.cleanup;
    fixture = await buildFixture(temp.dir);
    server = await startReviewServer(fixture);
    agent = await signIn(server.base, AGENT);
  });
  afterAll(async () => {
    await server.close();
    await fixture.close();
    await cleanup();
  });

  test('match the hand-computed figures for the week', async () => {
    const body = await (await agent('/api/review/kpis?from=2026-11-16&to=2026-11-22')).json();
    expect(body.rows).toEqual(EXPECTED);
  });

  test('the range excludes what happened before it', async () => {
    const body = await (await agent('/api/review/kpis?from=2026-11-01&to=2026-11-02')).json();
    const atRisk = body.rows.find((r: { segment: string }) => r.segment === 'at_risk');
    expect(atRisk).toMatchObject({ conversations: 1, suggestionsShown: 5, csatAverage: 1, nps: -100 });
  });

  test('the CSV has one row per segment and keeps negative numbers as numbers', async () => {
    const text = await (await agent('/api/review/export/kpis.csv?from=2026-11-16&to=2026-11-22')).text();
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('segment,conversations,identifiedShare,suggestionsShown,openedRate,dismissedRate,csatAverage,csatResponses,nps,npsResponses,optOutRate,handoffs');
    expect(lines[1]).toBe('at_risk,2,1,4,0.25,0.5,3,2,-33.3,3,0.5,1');
    expect(lines[3]).toBe('guest,1,0,1,0,0,,0,,0,,1');
    expect(lines).toHaveLength(5);
  });

  test('a reversed range is a 400 with a reason', async () => {
    const res = await agent('/api/review/kpis?from=2026-11-22&to=2026-11-16');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'bad_request', message: 'from: from must not be after to' });
  });
});
