/**
 * A campaign through the real server: verified customers talk to the bot on a Bot Framework channel whose
 * connector is a loopback stand-in speaking the v3 REST API (POST /v3/conversations/{id}/activities), so their
 * conversation references are stored; a marketer creates and starts a campaign; the scheduler sends it with
 * continueConversation. It reaches exactly the consenting members of the segment; the others wait for their next
 * visit to the chat page; a "stop" reply opts out at once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApp, say, TEST_IDENTITY_SECRET, type RunningApp } from '../support/app';
import { signIdentity } from '../../services/identityToken';
import { ADMIN, ADMIN_ENV, signIn, type Staff } from './support/liveChat';
import { startStandInConnector, type StandInConnector } from './support/standInConnector';

const AUDIENCE = { rfmLabels: ['new_customers', 'cant_lose'] };
const MARKETER = { email: 'mia.marketer@shop.test', password: 'a long marketer passphrase' };

interface StoredFile {
  customers: { id: string; erasedAt?: string }[];
  segments: { customerId: string; rfm: { label: string } }[];
}

/** The audience's members read straight from the store file, not through the code under test. */
function membersFromFile(dir: string): string[] {
  const data = JSON.parse(readFileSync(join(dir, 'store.json'), 'utf8')) as StoredFile;
  const active = new Set(data.customers.filter((c) => !c.erasedAt).map((c) => c.id));
  return data.segments.filter((s) => AUDIENCE.rfmLabels.includes(s.rfm.label) && active.has(s.customerId)).map((s) => s.customerId).sort();
}

async function until<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a campaign through the real server and a stand-in Bot Framework connector', () => {
  let running: RunningApp;
  let connector: StandInConnector;
  beforeAll(async () => {
    connector = await startStandInConnector('answers');
    running = await startApp({
      ...ADMIN_ENV, LOG_LEVEL: 'error', CAMPAIGN_INTERVAL_SECONDS: '1', CAMPAIGN_QUIET_HOURS: 'off', CAMPAIGN_MIN_AUDIENCE: '5',
    });
  }, 120_000);
  afterAll(async () => {
    await running?.app.close();
    await connector.close();
  });

  /** A turn on the channel (normal delivery: replies go to the connector), signed in by the host's token. */
  async function channelTurn(customerId: string, text: string): Promise<void> {
    const res = await fetch(`${running.url}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', id: `act-${customerId}-${Date.now()}`, text, channelId: 'msteams', serviceUrl: connector.url,
        conversation: { id: `teams-${customerId}` }, from: { id: `teams-user-${customerId}` }, recipient: { id: 'bot-1', name: 'Shop bot' },
        channelData: { identity: signIdentity(customerId, TEST_IDENTITY_SECRET, 300) },
      }),
    });
    expect(res.status).toBeLessThan(300);
  }

  const campaignMessages = (conversationId?: string) => connector.received
    .filter((r) => /Reply STOP to stop these messages\.$/.test(r.activity.text ?? '') && (!conversationId || r.conversationId === conversationId));
  const repliesIn = (conversationId: string) => connector.received.filter((r) => r.conversationId === conversationId).map((r) => r.activity.text ?? '');

  it('reaches exactly the consenting members with a reference; the rest at their next visit; "stop" opts out at once', async () => {
    const members = membersFromFile(running.dir);
    expect(members.length).toBeGreaterThanOrEqual(6);
    const [optedOut, reachedA, reachedB, reachedC, nextVisitor] = members;
    const nonMember = JSON.parse(readFileSync(join(running.dir, 'store.json'), 'utf8')).customers.map((c: { id: string }) => c.id)
      .find((id: string) => !members.includes(id)) as string;

    for (const id of [optedOut, reachedA, reachedB, reachedC, nonMember]) await channelTurn(id, 'hi');
    await channelTurn(optedOut, 'opt out of marketing');
    if (repliesIn(`teams-${optedOut}`).some((t) => /^Just to check/.test(t))) await channelTurn(optedOut, 'yes');
    expect(repliesIn(`teams-${optedOut}`)).toContainEqual(expect.stringMatching(/won't get marketing messages/));

    const admin = await signIn(running.url, ADMIN.email, ADMIN.password);
    expect((await admin.post('/api/review/staff', { ...MARKETER, role: 'marketer' })).status).toBe(201);
    const marketer: Staff = await signIn(running.url, MARKETER.email, MARKETER.password);
    // A marketer may not read conversations (agent work).
    expect((await marketer.get('/api/review/conversations')).status).toBe(403);

    const preview = await marketer.post('/api/review/campaigns/audience', { audience: AUDIENCE });
    expect(preview).toMatchObject({ status: 200, body: { members: members.length, consenting: members.length - 1 } });
    expect(JSON.stringify(preview.body)).not.toMatch(/@example\.com/);

    const created = await marketer.post('/api/review/campaigns', { name: 'New year', audience: AUDIENCE, message: 'Happy new year! A treat for you:', strategy: 'win_back' });
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    const dry = await marketer.post(`/api/review/campaigns/${id}/dry-run`);
    expect(dry.body).toMatchObject({ proactive: 3, nextVisit: members.length - 4, skipped: { noConsent: 1, frequencyCap: 0 }, sent: 0 });
    expect(campaignMessages()).toEqual([]);

    expect((await marketer.post(`/api/review/campaigns/${id}/start`)).body).toMatchObject({ status: 'running' });
    const done = await until(async () => {
      const got = await marketer.get(`/api/review/campaigns/${id}`);
      return got.body.status === 'completed' ? got.body : undefined;
    });
    expect(done.counts).toEqual({ sent: 3, queued: members.length - 4, shown: 0, skipped: 1 });
    expect(campaignMessages().map((m) => m.conversationId).sort()).toEqual([reachedA, reachedB, reachedC].map((c) => `teams-${c}`).sort());
    expect(campaignMessages()[0].activity.text).toMatch(/^Happy new year! A treat for you:\n\n• /);

    // The chat page, next visit: the waiting message comes with the greeting, once.
    const page = `page-${nextVisitor}`;
    const identity = { channelData: { identity: signIdentity(nextVisitor, TEST_IDENTITY_SECRET, 300) }, from: { id: `web-${nextVisitor}` } };
    // As the chat page starts: a conversationUpdate with the signed identity, answered with the greeting.
    const visit = await say(running.url, page, undefined, { ...identity, type: 'conversationUpdate', membersAdded: [{ id: `web-${nextVisitor}` }, { id: 'bot' }] });
    expect(visit.map((r) => r.text)).toContainEqual(expect.stringMatching(/^Happy new year![\s\S]*Reply STOP to stop these messages\.$/));
    expect((await say(running.url, page, 'hi', identity)).map((r) => r.text).join('\n')).not.toMatch(/Happy new year/);

    // "stop" on the chat page after the message: opted out, told so, not "cancelled".
    const stopped = await say(running.url, page, 'STOP', identity);
    expect(stopped.map((r) => r.text)).toEqual([expect.stringMatching(/^Done: you won't get marketing messages from us any more, starting now/)]);

    // Where no campaign message went, "stop" keeps its meaning ("cancel"): nobody is opted out.
    await channelTurn(nonMember, 'stop');
    expect(repliesIn(`teams-${nonMember}`).at(-1)).not.toMatch(/marketing/);

    // "stop" on the channel: the reply goes through the connector; consent is off at once.
    await channelTurn(reachedA, 'stop');
    expect(repliesIn(`teams-${reachedA}`).at(-1)).toMatch(/^Done: you won't get marketing messages/);
    const after = await marketer.post('/api/review/campaigns/audience', { audience: AUDIENCE });
    expect(after.body).toMatchObject({ consenting: members.length - 3 });

    // Erasure: the customer's deliveries (and conversation reference) go with their data.
    await channelTurn(reachedB, 'delete my data');
    expect(repliesIn(`teams-${reachedB}`).at(-1)).toMatch(/Are you sure\?$/);
    const before = repliesIn(`teams-${reachedB}`).length;
    await channelTurn(reachedB, 'yes');
    expect(repliesIn(`teams-${reachedB}`).slice(before)).toContainEqual(expect.stringMatching(/personal data has been erased/));
    expect((await marketer.get(`/api/review/campaigns/${id}`)).body.counts).toMatchObject({ sent: 2 });

    // The proactive message went through the turn middleware: the conversation's transcript has it.
    const transcript = await admin.get(`/api/review/conversations/teams-${reachedA}`);
    expect(JSON.stringify(transcript.body)).toContain('Happy new year! A treat for you:');
  }, 60_000);

  it('refuses a protected attribute, a small audience and bad input with reasons; agents may not use campaigns', async () => {
    const admin = await signIn(running.url, ADMIN.email, ADMIN.password);
    const religion = await admin.post('/api/review/campaigns/audience', { audience: { rfmLabels: ['champions'], religion: ['muslim'] } });
    expect(religion).toEqual({ status: 422, body: expect.objectContaining({ message: expect.stringMatching(/religion or belief/) }) });
    const small = await admin.post('/api/review/campaigns', { name: 'x', audience: { rfmLabels: ['cant_lose'] }, message: 'hi' });
    expect(small).toEqual({ status: 422, body: expect.objectContaining({ message: expect.stringMatching(/campaigns need at least 5/) }) });
    expect((await admin.post('/api/review/campaigns', { name: 'x', audience: {}, message: 'hi' })).body.message).toMatch(/choose at least one/);
    expect((await admin.post('/api/review/campaigns', { name: 'x', audience: AUDIENCE, message: '' })).body.message).toMatch(/^message: a message is needed/);
    expect((await admin.get('/api/review/campaigns/nope')).status).toBe(404);
    expect((await admin.post('/api/review/staff', { email: 'ann.agent@shop.test', password: 'a long agent passphrase', role: 'agent' })).status).toBe(201);
    const agent = await signIn(running.url, 'ann.agent@shop.test', 'a long agent passphrase');
    expect((await agent.get('/api/review/campaigns')).status).toBe(403);
  });
});
