/**
 * Anonymous mode (no MicrosoftAppId) is for local use only: it must be asked for outside demo mode, and its
 * replies go only to loopback or allow-listed service URLs, each delivery bounded and not retried.
 */
import { ConfigError, authMode, loadConfig } from '../../bot/config';
import { anonymousServiceUrlCheck } from '../../bot/anonymousReplies';
import { startApp, type RunningApp } from '../support/app';
import { startStandInConnector, type StandInConnector } from './support/standInConnector';

const SECRET = 'a-stable-identity-secret-for-production';

describe('starting without Bot Framework credentials', () => {
  test('outside demo mode fails naming the settings, unless ALLOW_ANONYMOUS=true', () => {
    const production = { DEMO_MODE: 'false', IDENTITY_SECRET: SECRET };
    expect(() => loadConfig(production)).toThrow(ConfigError);
    expect(() => loadConfig(production)).toThrow(/MicrosoftAppId and MicrosoftAppPassword: .*ALLOW_ANONYMOUS=true/);
    expect(authMode(loadConfig({ ...production, ALLOW_ANONYMOUS: 'true' }))).toBe('anonymous');
    expect(authMode(loadConfig({ ...production, MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'app-password' }))).toBe('bot-framework');
    expect(() => loadConfig({ ANONYMOUS_SERVICE_URLS: 'https://ok.example, not a url' })).toThrow(/ANONYMOUS_SERVICE_URLS/);
  });
});

describe('where anonymous replies may go', () => {
  test('loopback spellings and listed origins only; expectReplies needs none', () => {
    const check = anonymousServiceUrlCheck(['https://directline.partner.example/']);
    const allowed = ['http://localhost:3000/', 'http://127.0.0.1:9/', 'http://127.1.2.3/', 'http://[::1]:9/', 'http://2130706433/', 'http://[::ffff:127.0.0.1]/', 'https://directline.partner.example/v3/'];
    const refused = ['https://bots.example.invalid/', 'http://192.0.2.10:9/', 'http://0.0.0.0:9/', 'http://localhost.evil.example/', 'http://127.0.0.1.nip.io/', 'https://directline.partner.example:8443/', 'file:///etc/passwd', 'not a url'];
    expect(allowed.filter((serviceUrl) => check({ serviceUrl }) !== null)).toEqual([]);
    expect(refused.filter((serviceUrl) => check({ serviceUrl }) === null)).toEqual([]);
    expect(check({ serviceUrl: 'https://bots.example.invalid/', deliveryMode: 'expectReplies' })).toBeNull();
  });
});

describe('anonymous replies through the real server', () => {
  let running: RunningApp;
  const connectors: StandInConnector[] = [];
  beforeAll(async () => { running = await startApp(); });
  afterAll(async () => {
    await Promise.all(connectors.map((c) => c.close()));
    await running.app.close();
  });

  async function connector(behaviour: Parameters<typeof startStandInConnector>[0]): Promise<StandInConnector> {
    const started = await startStandInConnector(behaviour);
    connectors.push(started);
    return started;
  }

  function send(conversationId: string, serviceUrl: string): Promise<Response> {
    return fetch(`${running.url}/api/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message', id: `m-${conversationId}`, text: 'hi', channelId: 'emulator', serviceUrl,
        conversation: { id: conversationId }, from: { id: 'user' }, recipient: { id: 'bot' },
      }),
    });
  }

  test('a non-loopback serviceUrl is refused before the turn runs (400 with the reason); a loopback connector receives the replies', async () => {
    for (const serviceUrl of ['https://bots.example.invalid/', 'http://192.0.2.10:9/']) {
      const res = await send('anon-remote', serviceUrl);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(/serviceUrl .* is not allowed in anonymous mode/);
    }
    // A loopback connector receives the replies.
    const standIn = await connector('answers');
    const res = await send('anon-local', standIn.url);
    expect(res.status).toBeLessThan(300);
    const texts = standIn.received.filter((r) => r.conversationId === 'anon-local').map((r) => r.activity.text ?? '');
    expect(texts.join(' ')).toMatch(/shopping assistant/i);
    expect(standIn.received.every((r) => r.activity.type !== 'message' || /^<speak /.test(r.activity.speak ?? ''))).toBe(true);
  });

  test('a loopback connector that resets gets each delivery once (no retry storm) and the caller an answer', async () => {
    const standIn = await connector('resets');
    const res = await send('anon-reset', standIn.url);
    expect(res.status).toBeGreaterThanOrEqual(200);
    // One attempt for the reply and one for the apology; the stock client tries each four times.
    expect(standIn.requests.length).toBeLessThanOrEqual(2);
  }, 20_000);

  test('a loopback connector that never answers does not hold the caller: the delivery times out', async () => {
    const standIn = await connector('never_answers');
    const res = await send('anon-stuck', standIn.url);
    expect(res.status).toBeGreaterThanOrEqual(200);
    expect(standIn.requests.length).toBeLessThanOrEqual(2);
  }, 20_000);
});
