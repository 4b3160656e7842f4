/**
 * A variant really changes what the running bot does: through the real app over HTTP, the variant's tone and strategy
 * change the intro of a suggestion round, its survey timing decides whether the goodbye offers the survey, the
 * exposure is recorded once, and SIMULATION_CLOCK dates the turn's events at channelData.simulatedAt.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../../bot/config';
import { assignVariant } from '../../services/experiments/assignment';
import { simulatedInstant } from '../../services/experiments/turnClock';
import { signIdentity } from '../../services/identityToken';
import { say, startApp, TEST_IDENTITY_SECRET, type ReplyActivity, type RunningApp } from '../support/app';

const ADMIN = { email: 'admin@shop.test', password: 'a long admin passphrase' };
const ALICE = '14741';
const VARIANTS = [
  { id: 'offer', name: 'Concise, survey after suggestions', weight: 1, changes: { strategy: 'value', tone: 'concise' } },
  { id: 'quiet', name: 'Concise, survey only on request', weight: 1, changes: { strategy: 'value', tone: 'concise', surveyTiming: 'only_on_request' } },
];
const text = (replies: ReplyActivity[]) => replies.map((r) => r.text ?? '').join(' ');

describe('experiment variants in the running bot', () => {
  let running: RunningApp;
  let experimentId: string;
  let introBefore: string;

  beforeAll(async () => {
    running = await startApp({ SIMULATION_CLOCK: 'true', STAFF_ADMIN_EMAIL: ADMIN.email, STAFF_ADMIN_PASSWORD: ADMIN.password });
    // Before any experiment: Alice's own persona decides the intro.
    introBefore = text(await say(running.url, 'exp-before', 'show me candles', { channelData: { identity: signIdentity(ALICE, TEST_IDENTITY_SECRET, 300) } }));
    const login = await fetch(`${running.url}/api/review/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const created = await fetch(`${running.url}/api/review/experiments`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ name: 'Survey timing', variants: VARIANTS }),
    });
    expect(created.status).toBe(201);
    experimentId = ((await created.json()) as { id: string }).id;
  }, 120_000);
  afterAll(async () => { await running?.app.close(); });

  test('the signed-in customer gets the variant’s tone and survey timing; the turn is dated at simulatedAt', async () => {
    const simulatedAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const channelData = { identity: signIdentity(ALICE, TEST_IDENTITY_SECRET, 300), simulatedAt };
    const round = await say(running.url, 'exp-alice', 'show me candles', { channelData });
    expect(text(round)).toContain('Top picks for you:');
    expect(introBefore).not.toContain('Top picks for you:');

    const goodbye = await say(running.url, 'exp-alice', "no, that's all", { channelData });
    const variant = assignVariant(experimentId, ALICE, VARIANTS).id;
    if (variant === 'offer') expect(text(goodbye)).toMatch(/questions/i);
    else expect(text(goodbye)).toMatch(/goodbye/i);

    const events = (await readFile(join(running.dir, 'store.json.events.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { conversationId: string; kind: string; at: string });
    const shown = events.filter((e) => e.conversationId === 'exp-alice' && e.kind === 'shown');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((e) => e.at === simulatedAt)).toBe(true);
    const file = JSON.parse(await readFile(join(running.dir, 'store.json.experiments.json'), 'utf8')) as { exposures: { conversationId: string; variantId: string; customerId: string; at: string }[] };
    expect(file.exposures).toEqual([expect.objectContaining({ conversationId: 'exp-alice', variantId: variant, customerId: ALICE, at: simulatedAt })]);
  });

  test('a guest keeps the default intro and is not exposed', async () => {
    const round = await say(running.url, 'exp-guest', 'show me candles');
    expect(text(round)).toContain('Here are some popular ideas.');
    const file = JSON.parse(await readFile(join(running.dir, 'store.json.experiments.json'), 'utf8')) as { exposures: { conversationId: string }[] };
    expect(file.exposures.map((x) => x.conversationId)).not.toContain('exp-guest');
  });
});

describe('the simulated clock', () => {
  const now = new Date('2026-12-06T12:00:00Z');
  test.each([
    ['2026-12-01T09:00:00Z', '2026-12-01T09:00:00.000Z'],
    ['2026-12-07T12:00:00Z', null],
    ['2026-08-01T00:00:00Z', null],
    ['yesterday', null],
    [42, null],
  ])('simulatedAt %p → %p', (value, expected) => {
    expect(simulatedInstant(value, now)?.toISOString() ?? null).toBe(expected);
  });

  test('is refused outside demo mode', () => {
    expect(() => loadConfig({ SIMULATION_CLOCK: 'true', DEMO_MODE: 'false', ALLOW_ANONYMOUS: 'true', IDENTITY_SECRET: 'x'.repeat(40) }))
      .toThrow(/SIMULATION_CLOCK: only for demos/);
  });
});
