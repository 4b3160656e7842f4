/**
 * On a real Bot Framework channel (normal delivery, replies through the channel's connector) an agent's message
 * is sent proactively with the conversation reference saved from the shopper's turns. The connector is a local
 * HTTP stand-in on loopback speaking the v3 REST API. Also: staffed hours with an email for a call-back, and
 * the chat page's sign-out event.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startApp, say, TEST_IDENTITY_SECRET, type RunningApp } from '../support/app';
import { signIdentity } from '../../services/identityToken';
import { DEMO_CUSTOMERS } from '../../data/seed/demoCustomers';
import { ADMIN, ADMIN_ENV, newChat, signIn } from './support/liveChat';

interface Posted { path: string; activity: { type?: string; text?: string; from?: { id?: string; name?: string }; recipient?: { id?: string }; conversation?: { id?: string } } }

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Answers the connector's v3 calls the way the Bot Framework service does, and keeps what it was sent. */
async function startConnector(): Promise<{ url: string; posted: Posted[]; server: Server }> {
  const posted: Posted[] = [];
  const server = createServer((req, res) => {
    void body(req).then((text) => {
      if (req.method === 'POST' && req.url?.startsWith('/v3/conversations/')) posted.push({ path: req.url, activity: JSON.parse(text) as Posted['activity'] });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `sent-${posted.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, posted, server };
}

const hourNow = new Date().getUTCHours();
// A window that certainly excludes the present hour, whatever it is when the test runs.
const CLOSED_NOW = hourNow < 12 ? 'Mon-Sun 13:00-23:00' : 'Mon-Sun 01:00-11:00';

describe('on a Bot Framework channel', () => {
  let running: RunningApp;
  let connector: Awaited<ReturnType<typeof startConnector>>;
  beforeAll(async () => {
    connector = await startConnector();
    running = await startApp({ ...ADMIN_ENV, LOG_LEVEL: 'error' });
  });
  afterAll(async () => {
    await running.app.close();
    await new Promise((resolve) => connector.server.close(resolve));
  });

  async function post(text: string): Promise<number> {
    const res = await fetch(`${running.url}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', id: `act-${text.length}-${Date.now()}`, text, channelId: 'msteams', serviceUrl: connector.url,
        conversation: { id: 'teams-conv-1' }, from: { id: 'teams-user-1', name: 'Ann' }, recipient: { id: 'bot-1', name: 'Shop bot' } }),
    });
    return res.status;
  }

  it('an agent\'s message is posted to the channel\'s connector for the stored conversation, also after a restart', async () => {
    expect(await post('I need to speak to a human')).toBeLessThan(300);
    const handoffReply = connector.posted.find((p) => /member of our team/.test(p.activity.text ?? ''));
    expect(handoffReply?.path).toMatch(/^\/v3\/conversations\/teams-conv-1\/activities\//);

    // A restart forgets what was in memory: the reference kept with the handoff is used.
    await running.app.close();
    running = await startApp({ ...ADMIN_ENV, LOG_LEVEL: 'error' }, running.dir);
    const staff = await signIn(running.url, ADMIN.email, ADMIN.password);
    const before = connector.posted.length;
    const sent = await staff.post('/api/review/conversations/teams-conv-1/messages', { text: 'Hi Ann, Sam here.' });
    expect({ status: sent.status, logs: sent.status === 201 ? [] : running.logs.filter((l) => /error/.test(l)) }).toEqual({ status: 201, logs: [] });
    const proactive = connector.posted.slice(before);
    expect(proactive.map((p) => p.path)).toEqual(['/v3/conversations/teams-conv-1/activities', '/v3/conversations/teams-conv-1/activities']);
    expect(proactive.map((p) => p.activity.text)).toEqual(['Sam from our team has joined the chat.', 'Hi Ann, Sam here.']);
    expect(proactive[1].activity).toMatchObject({ recipient: { id: 'teams-user-1' }, from: { id: 'bot-1', name: 'Sam' }, conversation: { id: 'teams-conv-1' } });
    // The reference is plumbing: staff never get it.
    expect(JSON.stringify((await staff.get('/api/review/handoffs?status=all')).body)).not.toContain('teams-user-1');

    // While held the bot sends nothing to the channel for the shopper's messages; the agent's reply still goes out.
    const held = connector.posted.length;
    expect(await post('thanks, where is my parcel?')).toBeLessThan(300);
    expect(connector.posted.length).toBe(held);
    expect((await staff.post('/api/review/conversations/teams-conv-1/messages', { text: 'It left our depot today.' })).status).toBe(201);
    expect(connector.posted.slice(held).map((p) => [p.path, p.activity.text])).toEqual([['/v3/conversations/teams-conv-1/activities', 'It left our depot today.']]);
  });
});

describe('outside staffed hours', () => {
  let running: RunningApp;
  beforeAll(async () => { running = await startApp({ ...ADMIN_ENV, LOG_LEVEL: 'error', STAFF_HOURS: CLOSED_NOW, STAFF_TIMEZONE: 'UTC' }); });
  afterAll(async () => { await running.app.close(); });

  it('the shopper is told when the team is there, and an email they type is kept for a call-back', async () => {
    const chat = await newChat(running.url);
    const shopper = { from: { id: chat.userId } };
    const replies = await say(running.url, chat.conversationId, 'can i speak to a human', shopper);
    expect(replies.map((r) => r.text)).toEqual([expect.stringContaining(`we are here ${CLOSED_NOW} (UTC time)`)]);
    const thanks = await say(running.url, chat.conversationId, 'yes please, ann.callback@example.com', shopper);
    expect(thanks.map((r) => r.text)).toEqual(['Thank you. A member of our team will get back to you at ann.callback@example.com when we open.']);
    const staff = await signIn(running.url, ADMIN.email, ADMIN.password);
    const queue = await staff.get('/api/review/handoffs');
    expect(queue.body.items).toEqual([expect.objectContaining({ mode: 'callback', callbackEmail: 'ann.callback@example.com', reason: 'can i speak to a human' })]);
  });

  it('a wrong STAFF_HOURS stops startup with a message naming the setting', async () => {
    await expect(startApp({ STAFF_HOURS: 'weekdays 9 to 5' })).rejects.toThrow(/STAFF_HOURS \/ STAFF_TIMEZONE: cannot read "weekdays 9 to 5"/);
  });
});

describe('the chat page\'s sign-out', () => {
  let running: RunningApp;
  beforeAll(async () => { running = await startApp({ LOG_LEVEL: 'error' }); });
  afterAll(async () => { await running.app.close(); });

  it('a signOut event ends the bot-side sign-in and the page\'s status says signed out', async () => {
    const chat = await newChat(running.url);
    const identity = signIdentity(DEMO_CUSTOMERS[0].id, TEST_IDENTITY_SECRET, 300);
    const status = async () => (await (await fetch(`${running.url}/api/chat/status`, { headers: { authorization: `Bearer ${chat.resumeToken}` } })).json()) as { signedIn: unknown };
    await say(running.url, chat.conversationId, 'hi', { from: { id: chat.userId }, channelData: { identity } });
    expect(await status()).toEqual({ signedIn: { displayName: DEMO_CUSTOMERS[0].displayName } });
    const replies = await say(running.url, chat.conversationId, undefined, { type: 'event', name: 'signOut', from: { id: chat.userId } });
    expect(replies.map((r) => r.text)).toEqual(["You're signed out. I won't use your details any more in this chat."]);
    expect(await status()).toEqual({ signedIn: null });
    const after = await say(running.url, chat.conversationId, 'what do you know about me', { from: { id: chat.userId } });
    expect(JSON.stringify(after)).not.toContain(DEMO_CUSTOMERS[0].email);
  });
});
