/**
 * Setting the OpenAI variables switches the running bot to an OpenAI-compatible back end (here a local
 * server speaking the chat-completions wire format), with the offline recognizer as the fallback.
 */
import { startJsonServer, type JsonServer } from '../language/helpers/jsonServer';
import { chatCompletion } from '../language/helpers/chatCompletions';
import { say, startApp, TEST_IDENTITY_SECRET, type RunningApp } from '../support/app';
import { signIdentity } from '../../services/identityToken';
import { DEMO_CUSTOMERS } from '../../data/seed/demoCustomers';

let model: JsonServer;
let running: RunningApp;

beforeAll(async () => {
  model = await startJsonServer();
  running = await startApp({ OPENAI_BASE_URL: `${model.baseUrl}/v1`, OPENAI_MODEL: 'test-model', RECOGNIZER_TIMEOUT_MS: '800' });
});
afterAll(async () => {
  await running.app.close();
  await model.close();
});

/** The strict wire format the back end asks for: every entity present, null when absent. */
const modelAnswer = (intent: string) => chatCompletion({
  content: JSON.stringify({
    intent, score: 0.97,
    entities: {
      categories: [], keywords: [], budget: null, occasion: null, recipient: null, email: null, postcode: null,
      orderNumber: null, rating: null, refinement: null, consentTopic: null,
    },
  }),
});

describe('an OpenAI-compatible back end configured by environment', () => {
  it('reports it in health', async () => {
    const health = await (await fetch(`${running.url}/healthz`)).json();
    expect(health).toMatchObject({ recognizer: 'openai' });
  });

  it('routes on the model answer and sends only the utterance', async () => {
    model.respondWith(() => ({ body: modelAnswer('help') }));
    const before = model.requests.length;
    // Locally this text means nothing; the model says "help", so the bot answers with help.
    const replies = await say(running.url, 'openai-1', 'zzq vvx');
    expect(model.requests.length).toBe(before + 1);
    expect(replies.map((r) => r.text).join(' ')).toMatch(/I can suggest gifts/);
    const sent = JSON.stringify(model.requests[before].body);
    expect(sent).toContain('zzq vvx');
  });

  it("never sends the signed-in customer's profile, only the utterance", async () => {
    model.respondWith(() => ({ body: modelAnswer('get_suggestions') }));
    const [alice] = DEMO_CUSTOMERS;
    const before = model.requests.length;
    const replies = await say(running.url, 'openai-signed-in', 'show me candles', { channelData: { identity: signIdentity(alice.id, TEST_IDENTITY_SECRET, 300) } });
    expect(replies.map((r) => r.text).join(' ')).toContain(alice.displayName.split(' ')[0]);
    const sent = model.requests.slice(before).map((r) => JSON.stringify(r.body)).join('\n');
    expect(sent).toContain('show me candles');
    for (const personal of [alice.displayName, alice.email, alice.postcode, alice.id]) expect(sent).not.toContain(personal);
  });

  it.each([
    ['a 500', { status: 500, body: { error: { message: 'boom', type: 'server_error' } } }],
    ['invalid JSON in the answer', { body: chatCompletion({ content: '{"intent": "help", oops' }) }],
    ['an answer outside the schema', { body: chatCompletion({ content: JSON.stringify({ intent: 'buy_everything', score: 2 }) }) }],
    ['no answer in time', { hang: true }],
  ])('falls back to the local recognizer on %s', async (_name, response) => {
    model.respondWith(() => response);
    const replies = await say(running.url, `openai-fallback-${_name}`, 'what do you know about me');
    // The local recognizer understood an export request: a guest is asked to identify first.
    expect(replies.map((r) => r.text).join(' ')).toMatch(/know who you are|sign in/i);
  });
});
