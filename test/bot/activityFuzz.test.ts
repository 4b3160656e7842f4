/**
 * Property-based fuzzing of activity shapes through the real HTTP server (expectReplies): odd shapes get a
 * 4xx with a reason, never a 5xx; every reply's `speak` is well-formed SSML; every accepted turn is in the
 * transcript staff read in the console (its incoming message or event and each reply the bot sent).
 */
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { startApp, type ReplyActivity, type RunningApp } from '../support/app';

const ADMIN = { email: 'admin@shop.test', password: 'a long admin passphrase' };
const RECORDED = new Set(['message', 'event']);
const RUNS = 200;

let running: RunningApp;
let cookie: string;

beforeAll(async () => {
  running = await startApp({ STAFF_ADMIN_EMAIL: ADMIN.email, STAFF_ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'error' });
  const res = await fetch(`${running.url}/api/review/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
});
afterAll(() => running.app.close());

const smallJson = fc.jsonValue({ maxDepth: 2 });
const smallObject = fc.dictionary(fc.string({ maxLength: 8 }), smallJson, { maxKeys: 3 });
/** Values a buggy or hostile client puts where an array, an object or a string belongs. */
const odd = fc.oneof(
  fc.constantFrom(null, [null], {}, [], '', 'x', 0, -1, true, [[]], [{}], [''], [{ id: null }], [{ id: 7 }]),
  fc.string({ maxLength: 20 }), fc.integer(), fc.double(), smallObject,
  fc.array(fc.oneof(fc.constant(null), fc.string({ maxLength: 8 }), fc.integer(), smallObject), { maxLength: 3 }),
);
const member = fc.oneof(fc.record({ id: fc.constantFrom('user', 'bot', 'someone') }), fc.record({ id: fc.string({ maxLength: 8 }), name: fc.string({ maxLength: 8 }) }));
const attachment = fc.record({
  contentType: fc.constantFrom('image/png', 'application/vnd.microsoft.card.hero', 'text/plain'),
  content: fc.option(smallJson, { nil: undefined }),
  contentUrl: fc.option(fc.constantFrom('https://example.com/a.png', 'data:,x'), { nil: undefined }),
  name: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
}, { requiredKeys: ['contentType'] });
const text = fc.oneof(
  fc.constantFrom('hi', 'help', 'show me candles', 'sign in', 'alice.morgan@example.com', 'BS1 4DJ', 'cancel', 'export my data', '<b>&amp;</b> "quotes" \'', ''),
  fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 40 }),
);
/** Well-formed values per field; each run then puts odd values into up to two fields. */
const validFields = fc.record({
  type: fc.oneof(fc.constantFrom('message', 'message', 'message', 'conversationUpdate', 'event', 'typing', 'messageReaction', 'endOfConversation', 'installationUpdate', 'trace'), fc.string({ minLength: 1, maxLength: 12 })),
  text,
  attachments: fc.array(attachment, { maxLength: 2 }),
  membersAdded: fc.array(member, { maxLength: 2 }),
  membersRemoved: fc.array(member, { maxLength: 2 }),
  reactionsAdded: fc.array(fc.record({ type: fc.constantFrom('like', 'plusOne') }), { maxLength: 2 }),
  entities: fc.array(fc.record({ type: fc.constantFrom('mention', 'clientInfo') }), { maxLength: 2 }),
  recipient: fc.record({ id: fc.constantFrom('bot') }),
  channelData: fc.oneof(fc.record({ inputMethod: fc.constantFrom('speech', 'keyboard') }), smallObject),
  value: smallJson,
  name: fc.constantFrom('webchat/join', 'ping', 'x'),
  locale: fc.constantFrom('en-GB', 'de-DE', 'xx'),
  replyToId: fc.string({ maxLength: 8 }),
  textFormat: fc.constantFrom('plain', 'markdown', 'xml'),
}, { requiredKeys: ['type'] });
const FIELDS = ['type', 'text', 'attachments', 'membersAdded', 'membersRemoved', 'reactionsAdded', 'entities', 'recipient', 'channelData', 'name', 'locale', 'replyToId', 'textFormat', 'from', 'conversation'] as const;
const activityFields = fc.tuple(validFields, fc.array(fc.tuple(fc.constantFrom(...FIELDS), odd), { maxLength: 2 }))
  .map(([fields, oddities]) => ({ ...fields, ...Object.fromEntries(oddities) }) as Record<string, unknown>);

interface TranscriptEntry { direction: 'in' | 'out'; type: string }

async function transcriptOf(conversationId: string): Promise<TranscriptEntry[]> {
  const res = await fetch(`${running.url}/api/review/conversations/${encodeURIComponent(conversationId)}`, { headers: { cookie } });
  if (res.status === 404) return [];
  expect(res.status).toBe(200);
  return ((await res.json()) as { conversation: { entries: TranscriptEntry[] } }).conversation.entries;
}

const post = (activity: Record<string, unknown>) => fetch(`${running.url}/api/messages`, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ channelId: 'odd', deliveryMode: 'expectReplies', from: { id: 'u' }, recipient: { id: 'bot' }, ...activity }),
});

let run = 0;

test(`${RUNS} fuzzed activities: no 5xx, well-formed SSML in every speak, every accepted turn in the transcript (nulls count as absent)`, async () => {
  const refusals = new Map<string, number>();
  let accepted = 0;
  await fc.assert(fc.asyncProperty(activityFields, async (fields) => {
    run += 1;
    const conversationId = `fuzz-${run}`;
    const activity: Record<string, unknown> = {
      id: `in-${run}`, channelId: 'fuzz', deliveryMode: 'expectReplies', conversation: { id: conversationId },
      from: { id: `user-${run}` }, recipient: { id: 'bot' }, ...fields,
    };
    const type = typeof activity.type === 'string' ? activity.type : '';
    const res = await fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const body = (await res.json().catch(() => ({}))) as { activities?: ReplyActivity[]; message?: string };
    expect(res.status).toBeLessThan(500);
    if (res.status >= 400) {
      // A refusal says what is wrong.
      expect(body.message).toMatch(/^invalid activity: \S+/);
      const field = (body.message ?? '').split(' ')[2];
      refusals.set(field, (refusals.get(field) ?? 0) + 1);
      return;
    }
    accepted += 1;
    const replies = body.activities ?? [];
    for (const reply of replies.filter((r) => r.speak !== undefined)) {
      expect(XMLValidator.validate(reply.speak ?? '')).toBe(true);
      expect(reply.speak).toMatch(/^<speak [^>]*xml:lang="[a-z]{2}-[A-Z]{2}"/);
    }
    let entries = await transcriptOf(conversationId);
    const expectedIn = RECORDED.has(type) ? [type] : [];
    const expectedOut = replies.map((r) => r.type).filter((t) => RECORDED.has(t));
    if (type !== 'message') {
      // Quiet start (README): a conversation nobody has written in yet is held back, then written before the
      // shopper's first message. Write one, and the held turn must come first, whole.
      expect(entries).toEqual([]);
      const follow = await fetch(`${running.url}/api/messages`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...activity, id: `follow-${run}`, type: 'message', text: 'hello', attachments: [], entities: [], value: undefined, name: undefined }),
      });
      expect(follow.status).toBe(200);
      entries = await transcriptOf(conversationId);
      expect(entries.filter((e) => e.direction === 'in').map((e) => e.type)).toEqual([...expectedIn, 'message']);
      expect(entries.slice(0, expectedIn.length + expectedOut.length).map((e) => `${e.direction}:${e.type}`))
        .toEqual([...expectedIn.map((t) => `in:${t}`), ...expectedOut.map((t) => `out:${t}`)]);
      return;
    }
    expect(entries.filter((e) => e.direction === 'in').map((e) => e.type)).toEqual(expectedIn);
    expect(entries.filter((e) => e.direction === 'out').map((e) => e.type)).toEqual(expectedOut);
  }), { numRuns: RUNS });
  // Both sides were exercised: some shapes accepted, some refused.
  expect(accepted).toBeGreaterThan(RUNS / 10);
  expect([...refusals.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(RUNS / 10);
  // null for an optional list or object counts as absent: that turn runs and is recorded.
  const nulls = await post({ type: 'message', text: 'hi', attachments: null, entities: null, channelData: null, conversation: { id: 'odd-nulls' } });
  expect(nulls.status).toBe(200);
  expect((await transcriptOf('odd-nulls')).filter((e) => e.direction === 'in')).toHaveLength(1);
}, 300_000);


test.each([
  ['attachments: [null]', { type: 'message', text: 'hi', attachments: [null] }, 'attachments.0'],
  ['attachments: {}', { type: 'message', text: 'hi', attachments: {} }, 'attachments'],
  ['membersAdded: "x"', { type: 'conversationUpdate', membersAdded: 'x' }, 'membersAdded'],
  ['membersAdded: [null]', { type: 'conversationUpdate', membersAdded: [null] }, 'membersAdded.0'],
  ['membersRemoved: [{}]', { type: 'conversationUpdate', membersRemoved: [{}] }, 'membersRemoved.0.id'],
  ['entities: "x"', { type: 'message', text: 'hi', entities: 'x' }, 'entities'],
  ['channelData: []', { type: 'message', text: 'hi', channelData: [] }, 'channelData'],
])('%s is refused with 400 naming the field', async (_name, activity, field) => {
  const res = await post({ ...activity, conversation: { id: `odd-${field}` } });
  expect(res.status).toBe(400);
  expect(((await res.json()) as { message: string }).message).toContain(`invalid activity: ${field}: `);
});

