import { sign } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { createApp, type App } from '../../../bot/app';
import { ConfigError, loadConfig } from '../../../bot/config';
import { createLogger } from '../../../logging/logger';
import { checkCertChainUrl } from '../../../bot/alexa/requestVerifier';
import { spokenWords } from '../../../dialogs/speech/sayAs';
import { VOICE_REFINE_QUESTION } from '../../../dialogs/suggestions/spokenSuggestions';
import { DEMO_CUSTOMERS } from '../../../data/seed/demoCustomers';
import { signIdentity } from '../../../services/identityToken';
import { TEST_IDENTITY_SECRET } from '../../support/app';
import { createLocalCertificates, type LocalCertificates } from './localCertificates';
import { runModelCacheSetting } from '../../support/runModelCache';

const CHAIN_URL = 'https://s3.amazonaws.com/echo.api/echo-api-cert-13.pem';
const OTHER_URL = 'https://s3.amazonaws.com/echo.api/other.pem';
const ROGUE_URL = 'https://s3.amazonaws.com/echo.api/rogue.pem';

let certs: LocalCertificates;
let app: App;
let url: string;
const downloads: string[] = [];

beforeAll(async () => {
  certs = createLocalCertificates();
  const served: Record<string, string> = { [CHAIN_URL]: certs.alexaChainPem, [OTHER_URL]: certs.otherChainPem, [ROGUE_URL]: certs.untrustedChainPem };
  const dir = mkdtempSync(join(tmpdir(), 'alexa-app-'));
  const config = loadConfig({ STORE_PATH: join(dir, 'store.json'), IDENTITY_SECRET: TEST_IDENTITY_SECRET, LOG_LEVEL: 'error', ...runModelCacheSetting() });
  app = await createApp(config, createLogger('error', () => undefined), {
    alexa: {
      trustedRoots: [certs.caPem],
      fetchCertificate: async (certUrl) => {
        downloads.push(certUrl);
        const pem = served[certUrl];
        if (!pem) throw new Error('404');
        return pem;
      },
    },
  });
  url = await app.listen(0, '127.0.0.1');
  await app.ready;
}, 60_000);

afterAll(async () => {
  await app?.close();
});

let counter = 0;
function envelope(request: Record<string, unknown>, options: { session?: string; accessToken?: string; secondsAgo?: number } = {}): RequestEnvelope {
  const user = { userId: 'amzn1.ask.account.test-user', ...(options.accessToken ? { accessToken: options.accessToken } : {}) };
  const application = { applicationId: 'amzn1.ask.skill.test' };
  return {
    version: '1.0',
    session: { new: false, sessionId: options.session ?? `amzn1.echo-api.session.${++counter}`, application, user },
    context: { System: { application, user, device: { deviceId: 'device', supportedInterfaces: {} }, apiEndpoint: 'https://api.eu.amazonalexa.com' } },
    request: {
      requestId: `amzn1.echo-api.request.${++counter}`, timestamp: new Date(Date.now() - (options.secondsAgo ?? 0) * 1000).toISOString(), locale: 'en-GB', ...request,
    },
  } as RequestEnvelope;
}

const launch = { type: 'LaunchRequest' };
const query = (text: string) => ({ type: 'IntentRequest', dialogState: 'STARTED', intent: { name: 'QueryIntent', confirmationStatus: 'NONE', slots: { query: { name: 'query', value: text, confirmationStatus: 'NONE' } } } });

interface Posted { status: number; body: ResponseEnvelope & { error?: string; message?: string } }

async function post(body: RequestEnvelope, signing: { chainUrl?: string; key?: string; signedBody?: string } = {}): Promise<Posted> {
  const raw = JSON.stringify(body);
  const signature = sign('sha256', Buffer.from(signing.signedBody ?? raw), signing.key ?? certs.alexaKeyPem).toString('base64');
  const res = await fetch(`${url}/api/alexa`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', SignatureCertChainUrl: signing.chainUrl ?? CHAIN_URL, 'Signature-256': signature },
    body: raw,
  });
  return { status: res.status, body: (await res.json()) as Posted['body'] };
}

const ssmlOf = (posted: Posted) => {
  const speech = posted.body.response.outputSpeech;
  return speech?.type === 'SSML' ? speech.ssml : '';
};

describe('POST /api/alexa', () => {
  it('answers a signed LaunchRequest with the spoken welcome, a reprompt and the session kept open', async () => {
    const posted = await post(envelope(launch));
    expect(posted.status).toBe(200);
    expect(ssmlOf(posted)).toMatch(/^<speak>Hi, I am your shopping assistant\..*What are you looking for\?<\/speak>$/);
    expect(posted.body.response.reprompt?.outputSpeech).toMatchObject({ type: 'SSML' });
    expect(posted.body.response.shouldEndSession).toBe(false);
    expect(downloads).toContain(CHAIN_URL);
  });

  it('runs the same bot for the catch-all query slot: short spoken suggestions with prices marked up', async () => {
    const session = 'amzn1.echo-api.session.suggest';
    await post(envelope(launch, { session }));
    const posted = await post(envelope(query('show me candles'), { session }));
    expect(posted.status).toBe(200);
    const ssml = ssmlOf(posted);
    expect(ssml).toMatch(/<say-as interpret-as="cardinal">\d+<\/say-as> (pounds?|pence)/);
    expect(ssml).toContain(VOICE_REFINE_QUESTION);
    expect(spokenWords(ssml).length).toBeLessThanOrEqual(25);
    expect(posted.body.response.shouldEndSession).toBe(false);
  });

  it('account linking: the access token is the shop signed identity, so the customer is greeted by name', async () => {
    const customer = DEMO_CUSTOMERS[0];
    const posted = await post(envelope(launch, { accessToken: signIdentity(customer.id, TEST_IDENTITY_SECRET, 600) }));
    expect(ssmlOf(posted)).toContain(`Hi ${customer.displayName.split(' ')[0]}`);
  });

  it('"stop" ends the session; SessionEndedRequest gets an empty response', async () => {
    const session = 'amzn1.echo-api.session.stop';
    await post(envelope(launch, { session }));
    const stop = await post(envelope({ type: 'IntentRequest', intent: { name: 'AMAZON.StopIntent', confirmationStatus: 'NONE' } }, { session }));
    expect(stop.body.response.shouldEndSession).toBe(true);
    expect(stop.body.response.reprompt).toBeUndefined();
    const ended = await post(envelope({ type: 'SessionEndedRequest', reason: 'USER_INITIATED' }, { session }));
    expect(ended).toEqual({ status: 200, body: { version: '1.0', response: {} } });
  });

  it.each<[string, { signedBody?: string; chainUrl?: string; key?: 'other' | 'rogue' }, RegExp]>([
    ['a body that is not the signed one', { signedBody: '{"forged":true}' }, /Signature-256 does not match/],
    ['a signature by a certificate not issued to echo-api.amazon.com', { chainUrl: OTHER_URL, key: 'other' }, /not issued to echo-api\.amazon\.com/],
    ['a chain from an untrusted root', { chainUrl: ROGUE_URL, key: 'rogue' }, /trusted root/],
    ['a certificate URL off Amazon', { chainUrl: 'https://evil.example.com/echo.api/cert.pem' }, /s3\.amazonaws\.com/],
  ])('refuses %s with 400', async (_label, signing, reason) => {
    const key = signing.key === 'other' ? certs.otherKeyPem : signing.key === 'rogue' ? certs.untrustedKeyPem : undefined;
    const posted = await post(envelope(launch), { ...signing, key });
    expect(posted.status).toBe(400);
    expect(posted.body).toMatchObject({ error: 'verification_failed' });
    expect(posted.body.message).toMatch(reason);
  });

  it('refuses a request older than 150 seconds', async () => {
    const posted = await post(envelope(launch, { secondsAgo: 200 }));
    expect(posted.status).toBe(400);
    expect(posted.body.message).toMatch(/150 seconds/);
  });

  it('refuses a body that is not an Alexa request, saying what is missing', async () => {
    const res = await fetch(`${url}/api/alexa`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"version":"1.0"}' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'bad_request', message: expect.stringContaining('context') });
  });
});

describe('certificate URL rules', () => {
  it.each([
    ['https://s3.amazonaws.com/echo.api/echo-api-cert.pem', true],
    ['https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem', true],
    ['HTTPS://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem', true],
    ['http://s3.amazonaws.com/echo.api/echo-api-cert.pem', false],
    ['https://notamazon.com/echo.api/echo-api-cert.pem', false],
    ['https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem', false],
    ['https://s3.amazonaws.com/invalid.path/echo-api-cert.pem', false],
    ['https://s3.amazonaws.com/echo.api/../invalid.path/cert.pem', false],
    ['https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem', false],
  ])('%s -> %s', (certUrl, ok) => {
    expect(checkCertChainUrl(certUrl).ok).toBe(ok);
  });
});

describe('ALEXA_SKIP_VERIFICATION', () => {
  it('is refused outside demo mode', () => {
    expect(() => loadConfig({ DEMO_MODE: 'false', IDENTITY_SECRET: TEST_IDENTITY_SECRET, ALEXA_SKIP_VERIFICATION: 'true' })).toThrow(ConfigError);
    expect(loadConfig({ ALEXA_SKIP_VERIFICATION: 'true' }).ALEXA_SKIP_VERIFICATION).toBe(true);
  });
});
