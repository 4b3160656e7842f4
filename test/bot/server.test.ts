/** The real server on a loopback port: a turn with expectReplies, health, and bad requests. */
import { XMLValidator } from 'fast-xml-parser';
import { startApp, say, TEST_IDENTITY_SECRET, type RunningApp } from '../support/app';
import { signIdentity } from '../../services/identityToken';
import { DEMO_CUSTOMERS } from '../../data/seed/demoCustomers';

let running: RunningApp;
beforeAll(async () => { running = await startApp({ MAX_BODY_BYTES: '8192' }); });
afterAll(async () => { await running.app.close(); });

const post = (body: string, type = 'application/json') =>
  fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': type }, body });

describe('the HTTP server', () => {
  it('answers "hi" with a welcome carrying valid SSML and an input hint', async () => {
    const replies = await say(running.url, 'http-hi', 'hi');
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies.filter((r) => r.type === 'message')) {
      expect(XMLValidator.validate(reply.speak ?? '')).toBe(true);
      expect(reply.speak).toMatch(/^<speak version="1.0" xmlns="http:\/\/www.w3.org\/2001\/10\/synthesis" xml:lang="en-GB">/);
      expect(['expectingInput', 'ignoringInput', 'acceptingInput']).toContain(reply.inputHint);
    }
    expect(replies.map((r) => r.text).join(' ')).toMatch(/shopping assistant/i);
  });

  it('welcomes a member who joins', async () => {
    const res = await post(JSON.stringify({
      type: 'conversationUpdate', channelId: 'webchat', deliveryMode: 'expectReplies', conversation: { id: 'http-join' },
      from: { id: 'u1' }, recipient: { id: 'bot' }, membersAdded: [{ id: 'u1' }],
    }));
    expect(res.status).toBe(200);
    const { activities } = (await res.json()) as { activities: { text: string }[] };
    expect(activities[0].text).toMatch(/shopping assistant/i);
  });

  it('welcomes a joining customer the host page signed in by name, without asking them to sign in', async () => {
    const [alice] = DEMO_CUSTOMERS;
    const identity = signIdentity(alice.id, TEST_IDENTITY_SECRET, 300);
    const res = await post(JSON.stringify({
      type: 'conversationUpdate', channelId: 'webchat', deliveryMode: 'expectReplies', conversation: { id: 'http-join-signed' },
      from: { id: 'u2' }, recipient: { id: 'bot' }, membersAdded: [{ id: 'u2' }], channelData: { identity },
    }));
    const { activities } = (await res.json()) as { activities: { text: string }[] };
    expect(activities[0].text).toMatch(/^Hi Alice! I am your shopping assistant/);
    expect(activities[0].text).not.toMatch(/sign in/i);
    // The next turn already knows who it is: no second "you're signed in".
    const replies = await say(running.url, 'http-join-signed', 'show me candles', { from: { id: 'u2' }, channelData: { identity } });
    expect(replies.map((r) => r.text).join(' ')).not.toMatch(/you're signed in/);
    expect(replies.some((r) => (r.attachments?.length ?? 0) > 0)).toBe(true);
  });

  it('reports health', async () => {
    const res = await fetch(`${running.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', auth: 'anonymous', recognizer: 'local' });
  });

  it.each([
    ['malformed JSON', '{"type": "message",', 400, /JSON/i],
    ['a JSON array', '[1,2]', 400, /JSON object/],
    ['no activity type', JSON.stringify({ channelId: 'c', conversation: { id: 'x' }, from: { id: 'u' }, deliveryMode: 'expectReplies' }), 400, /type/],
    ['no conversation', JSON.stringify({ type: 'message', channelId: 'c', from: { id: 'u' }, deliveryMode: 'expectReplies' }), 400, /conversation/],
    ['no serviceUrl for normal delivery', JSON.stringify({ type: 'message', channelId: 'c', conversation: { id: 'x' }, from: { id: 'u' } }), 400, /serviceUrl/],
    ['text over the limit', JSON.stringify({ type: 'message', channelId: 'c', conversation: { id: 'x' }, from: { id: 'u' }, deliveryMode: 'expectReplies', text: 'x'.repeat(4001) }), 400, /text/],
    ['a body over MAX_BODY_BYTES', JSON.stringify({ type: 'message', text: 'y'.repeat(10000) }), 413, /size/i],
  ])('rejects %s with a reason', async (_name, body, status, reason) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    const json = (await res.json()) as { message: string };
    expect(json.message).toMatch(reason);
  });

  it('keeps serving after bad requests', async () => {
    await post('{oops');
    const replies = await say(running.url, 'http-after-bad', 'help');
    expect(replies.some((r) => r.type === 'message')).toBe(true);
  });
});
