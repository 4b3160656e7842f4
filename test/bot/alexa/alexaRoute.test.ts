/**
 * The route on its own over a real loopback server: unsigned requests when verification is skipped, the skill id
 * check, and a turn that runs although the adapter is set up for Bot Framework authentication (Alexa's own
 * verification replaces it on this route, and expectReplies never calls the connector).
 */
import restify from 'restify';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, InputHints, type TurnContext } from 'botbuilder';
import { registerAlexaRoute } from '../../../bot/alexa/alexaRoute';
import { createLogger } from '../../../logging/logger';
import { speakable } from '../../../dialogs/speech/ssml';

let server: restify.Server;
let url: string;
const seen: { channelId: string; text?: string; identity?: unknown }[] = [];

beforeAll(async () => {
  server = restify.createServer();
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'app-password' }));
  const runTurn = async (context: TurnContext) => {
    const data = context.activity.channelData as { identity?: unknown };
    seen.push({ channelId: context.activity.channelId, text: context.activity.text, identity: data.identity });
    await context.sendActivity({ type: 'message', text: `You said ${context.activity.text}`, speak: speakable(`You said ${context.activity.text}`), inputHint: InputHints.ExpectingInput });
  };
  registerAlexaRoute(server, { adapter, runTurn, log: createLogger('error', () => undefined), skipVerification: true, skillId: 'amzn1.ask.skill.mine', botAppId: 'app-id' });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = server.url;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function body(applicationId: string, text: string) {
  const user = { userId: 'amzn1.ask.account.u', accessToken: 'token-1' };
  return JSON.stringify({
    version: '1.0',
    session: { sessionId: 's-1', user },
    context: { System: { application: { applicationId }, user } },
    request: { type: 'IntentRequest', requestId: 'r-1', timestamp: new Date().toISOString(), intent: { name: 'QueryIntent', slots: { query: { name: 'query', value: text } } } },
  });
}

describe('/api/alexa with verification skipped', () => {
  it('runs an unsigned request through the bot on channel alexa, with the access token as the identity', async () => {
    const res = await fetch(`${url}/api/alexa`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body('amzn1.ask.skill.mine', 'hello there') });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { response: { outputSpeech: { ssml: string }; shouldEndSession: boolean } };
    expect(answer.response.outputSpeech.ssml).toBe('<speak>You said hello there</speak>');
    expect(answer.response.shouldEndSession).toBe(false);
    expect(seen.at(-1)).toEqual({ channelId: 'alexa', text: 'hello there', identity: 'token-1' });
  });

  it('refuses a request for another skill', async () => {
    const res = await fetch(`${url}/api/alexa`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body('amzn1.ask.skill.other', 'hi') });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'wrong_skill' });
  });
});
