/**
 * Live handoff through the real server: the shopper's words reach the queue, an agent takes the conversation
 * and chats over the page's event stream, the bot stays silent but records while held, another agent gets 409,
 * handing back wakes the bot; the resume token guards history and stream; empty page loads create no rows.
 */
import { startApp, say, type RunningApp } from '../support/app';
import { ADMIN, ADMIN_ENV, newChat, openStream, signIn, type EventStream, type Staff } from './support/liveChat';

let running: RunningApp;
let admin: Staff;
beforeAll(async () => {
  running = await startApp({ ...ADMIN_ENV, LOG_LEVEL: 'error' });
  admin = await signIn(running.url, ADMIN.email, ADMIN.password);
});
afterAll(async () => { await running.app.close(); });

const texts = (activities: { type: string; text?: string }[]) => activities.filter((a) => a.type === 'message').map((a) => a.text);

describe('live handoff', () => {
  let chat: { conversationId: string; userId: string; resumeToken: string };
  let stream: EventStream;
  const shopper = () => ({ from: { id: chat.userId } });
  afterAll(() => stream?.close());

  it('an empty page load (greeting only) creates no console row', async () => {
    chat = await newChat(running.url);
    const greeting = await fetch(`${running.url}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'conversationUpdate', channelId: 'webchat', deliveryMode: 'expectReplies', conversation: { id: chat.conversationId },
        from: { id: chat.userId }, recipient: { id: 'bot' }, membersAdded: [{ id: chat.userId }] }),
    });
    expect(texts(((await greeting.json()) as { activities: { type: string; text?: string }[] }).activities).length).toBeGreaterThan(0);
    const list = await admin.get('/api/review/conversations');
    expect(list.body.total).toBe(0);
  });

  it('the queue shows the shopper\'s own words, segment, waiting time and no holder', async () => {
    stream = await openStream(`${running.url}/api/chat/stream?token=${encodeURIComponent(chat.resumeToken)}`);
    expect(stream.status).toBe(200);
    await say(running.url, chat.conversationId, 'my order 581375 never came, mail me at ann@example.com', shopper());
    const replies = await say(running.url, chat.conversationId, 'I want to talk to a person about my order', shopper());
    expect(texts(replies)[0]).toMatch(/^I've asked a member of our team to join this chat/);
    const queue = await admin.get('/api/review/handoffs');
    expect(queue.body.items).toEqual([expect.objectContaining({
      conversationId: chat.conversationId, reason: 'I want to talk to a person about my order', segment: 'guest',
      earlierWords: ['my order 581375 never came, mail me at [email]'],
      status: 'open', holder: null, mode: 'live', waitingSeconds: expect.any(Number),
    })]);
    // The greeting held back before the shopper spoke is in the transcript now, before their message.
    const live = await admin.get(`/api/review/conversations/${chat.conversationId}/live`);
    const entries = live.body.entries as { direction: string; text: string }[];
    expect(entries[0].direction).toBe('out');
    expect(entries.filter((e) => e.direction === 'in').map((e) => e.text))
      .toEqual(['my order 581375 never came, mail me at [email]', 'I want to talk to a person about my order']);
  });

  it('an agent\'s message takes the conversation and reaches the shopper\'s stream; the bot stays silent but records', async () => {
    const started = performance.now();
    const sent = await admin.post(`/api/review/conversations/${chat.conversationId}/messages`, { text: 'Hello, I can help with your order.' });
    expect(sent.status).toBe(201);
    expect(await stream.next()).toMatchObject({ type: 'message', text: 'Sam from our team has joined the chat.' });
    expect(await stream.next()).toMatchObject({ type: 'message', text: 'Hello, I can help with your order.', from: { name: 'Sam', role: 'bot' } });
    // A figure for the report, not an assertion: agent's POST to the shopper's event stream, on loopback.
    process.stdout.write(`live handoff: agent message reached the shopper's stream in ${Math.round(performance.now() - started)} ms\n`);

    expect(await say(running.url, chat.conversationId, 'it has not arrived, mail me at ann@example.com', shopper())).toEqual([]);
    const live = await admin.get(`/api/review/conversations/${chat.conversationId}/live?after=4`);
    const texts2 = (live.body.entries as { text: string; byAgent: boolean }[]).map((e) => e.text);
    expect(texts2).toEqual(expect.arrayContaining(['Hello, I can help with your order.', 'it has not arrived, mail me at [email]']));
    expect(live.body.handoff).toMatchObject({ status: 'claimed', holder: ADMIN.email, heldByYou: true });
  });

  it('another agent gets 409 while the first holds it; empty text is a 400 with the reason', async () => {
    await admin.post('/api/review/staff', { email: 'kim@shop.test', password: 'another long passphrase', role: 'agent' });
    const other = await signIn(running.url, 'kim@shop.test', 'another long passphrase');
    const refused = await other.post(`/api/review/conversations/${chat.conversationId}/messages`, { text: 'Hi' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: 'conflict', message: expect.stringMatching(/Another agent holds this conversation/) });
    const empty = await admin.post(`/api/review/conversations/${chat.conversationId}/messages`, { text: '  ' });
    expect(empty).toMatchObject({ status: 400, body: { error: 'bad_request', message: 'text: the message is empty' } });
  });

  it('handing back tells the shopper and the bot answers again; the history replays the agent\'s message', async () => {
    const queue = await admin.get('/api/review/handoffs?status=claimed');
    const [held] = queue.body.items as { id: string }[];
    expect((await admin.post(`/api/review/handoffs/${held.id}/release`)).status).toBe(200);
    expect(await stream.next()).toMatchObject({ text: expect.stringMatching(/^Sam has left the chat\. You're back with the shopping assistant/) });
    expect(texts(await say(running.url, chat.conversationId, 'hello', shopper())).length).toBeGreaterThan(0);

    const history = await fetch(`${running.url}/api/chat/history`, { headers: { authorization: `Bearer ${chat.resumeToken}` } });
    expect(history.status).toBe(200);
    const body = (await history.json()) as { conversationId: string; activities: { text: string; from: { role: string } }[] };
    expect(body.conversationId).toBe(chat.conversationId);
    expect(body.activities).toEqual(expect.arrayContaining([
      expect.objectContaining({ text: 'Hello, I can help with your order.', from: expect.objectContaining({ role: 'bot' }) }),
      expect.objectContaining({ text: 'I want to talk to a person about my order', from: expect.objectContaining({ role: 'user' }) }),
    ]));
  });

  it('a forged or altered token gets 401 for history and stream', async () => {
    const [body, mac] = chat.resumeToken.split('.');
    const altered = `${Buffer.from(JSON.stringify({ c: 'webchat-someone-else', u: chat.userId, e: 9999999999 })).toString('base64url')}.${mac}`;
    for (const token of [altered, `${body}.AAAA`, 'nonsense']) {
      expect((await fetch(`${running.url}/api/chat/history`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
      expect((await fetch(`${running.url}/api/chat/stream?token=${encodeURIComponent(token)}`)).status).toBe(401);
    }
    expect((await fetch(`${running.url}/api/chat/history`)).status).toBe(401);
  });

  it('while waiting for a person the bot says the message is passed on, and "cancel" withdraws the request', async () => {
    const waiting = await newChat(running.url);
    const as = { from: { id: waiting.userId } };
    await say(running.url, waiting.conversationId, 'agent please', as);
    expect(texts(await say(running.url, waiting.conversationId, 'a gift under £20 for my mum', as)))
      .toEqual(['Thanks, a member of our team will see this when they join, shortly. If you would rather carry on with me, say "cancel".']);
    expect(texts(await say(running.url, waiting.conversationId, 'cancel', as))).toEqual(["OK, I've withdrawn your request for a person. I'm here if you need anything else."]);
    const queue = await admin.get('/api/review/handoffs?status=all');
    expect((queue.body.items as { conversationId: string }[]).find((h) => h.conversationId === waiting.conversationId))
      .toMatchObject({ status: 'closed', outcome: 'withdrawn', reason: 'agent please' });
    // The assistant is back.
    const replies = await say(running.url, waiting.conversationId, 'a gift under £20 for my mum', as);
    expect(replies.some((r) => (r.attachments?.length ?? 0) > 0)).toBe(true);
  });

  it('sending to a conversation without a handoff is a 409 that says why', async () => {
    const other = await newChat(running.url);
    await say(running.url, other.conversationId, 'hello', { from: { id: other.userId } });
    const refused = await admin.post(`/api/review/conversations/${other.conversationId}/messages`, { text: 'Hi' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: 'conflict', message: expect.stringMatching(/no open handoff/) });
  });
});
