import { createLuisRecognizer } from '../../language/luis/recognizer';
import { mapLuisIntent } from '../../language/luis/mapping';
import { RemoteRecognizerError } from '../../language/remoteError';
import { startJsonServer, type JsonServer } from './helpers/jsonServer';

/** A LUIS v3 slot prediction response, in the shape the service returned (verbose instance data included). */
const SUGGESTION_PREDICTION = {
  query: 'candles for my mum under 20 pounds, i am jo@example.com',
  prediction: {
    topIntent: 'GetSuggestions',
    intents: { GetSuggestions: { score: 0.9412 } },
    entities: {
      money: [{ number: 20, units: 'Pound' }],
      category: [['candles_lighting']],
      product: ['candles'],
      recipient: ['Mum'],
      email: ['jo@example.com'],
      occasion: [['not-an-occasion-we-know']],
      $instance: {
        money: [{ type: 'builtin.currency', text: '20 pounds', startIndex: 25, length: 9, modelTypeId: 2, modelType: 'Prebuilt Entity Extractor', recognitionSources: ['model'] }],
        category: [{ type: 'category', text: 'candles', startIndex: 0, length: 7, modelTypeId: 5, modelType: 'List Entity Extractor', recognitionSources: ['model'] }],
        email: [{ type: 'builtin.email', text: 'jo@example.com', startIndex: 41, length: 14, modelTypeId: 2, modelType: 'Prebuilt Entity Extractor', recognitionSources: ['model'] }],
      },
    },
  },
};

const APP_ID = '0b6f2e8a-3c1d-4e5f-9a7b-1c2d3e4f5a6b';

describe('LUIS back end (v3 prediction, legacy)', () => {
  let server: JsonServer;
  beforeEach(async () => {
    server = await startJsonServer();
  });
  afterEach(() => server.close());

  const recognizer = (timeoutMs = 2000) => createLuisRecognizer({ appId: APP_ID, endpoint: server.baseUrl, key: 'secret-key', timeoutMs });

  test('maps a real v3 response onto our intents and entities', async () => {
    server.respondWith(() => ({ body: SUGGESTION_PREDICTION }));
    const result = await recognizer().recognize('candles for my mum under 20 pounds, i am jo@example.com');
    expect(result.intent).toBe('get_suggestions');
    expect(result.score).toBeCloseTo(0.9412);
    expect(result.entities).toMatchObject({
      categories: ['candles_lighting'], keywords: ['candles'], recipient: 'mum', email: 'jo@example.com',
      budget: { max: 20, currency: 'GBP' },
    });
    // An app-specific list value outside our enum is dropped, not fatal.
    expect(result.entities.occasion).toBeUndefined();
  });

  test('sends only the utterance, to the slot endpoint, with the key in the header', async () => {
    server.respondWith(() => ({ body: SUGGESTION_PREDICTION }));
    await recognizer().recognize('hello there');
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request.method).toBe('POST');
    expect(request.url.startsWith(`/luis/prediction/v3.0/apps/${APP_ID}/slots/production/predict`)).toBe(true);
    expect(request.headers['ocp-apim-subscription-key']).toBe('secret-key');
    expect(request.body).toEqual({ query: 'hello there' });
  });

  test.each([
    ['GetSuggestions', 'get_suggestions'], ['Utilities.Help', 'help'], ['Utilities.Cancel', 'cancel'], ['Greeting', 'greet'],
    ['OptOutMarketing', 'opt_out_marketing'], ['None', 'none'], ['BookFlight', 'none'],
  ])('intent %s -> %s', (luisName, ours) => {
    expect(mapLuisIntent(luisName)).toBe(ours);
  });

  test.each([
    [401, { error: { code: '401', message: 'Access denied due to invalid subscription key.' } }],
    [429, { error: { code: '429', message: 'Rate limit is exceeded.' } }],
    [500, { error: { code: 'InternalServerError', message: 'boom' } }],
  ])('HTTP %i becomes an http RemoteRecognizerError', async (status, body) => {
    server.respondWith(() => ({ status, body }));
    const failure = await recognizer().recognize('hi').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RemoteRecognizerError);
    expect(failure).toMatchObject({ backend: 'luis', failure: 'http', status });
    expect(server.requests).toHaveLength(1);
  });

  test('a body that is not a v3 prediction is invalid output', async () => {
    server.respondWith(() => ({ body: { query: 'hi', topScoringIntent: { intent: 'Greeting', score: 0.9 } } }));
    await expect(recognizer().recognize('hi')).rejects.toMatchObject({ failure: 'invalid_output' });
  });

  test('a server that never answers times out', async () => {
    server.respondWith(() => ({ hang: true }));
    await expect(recognizer(100).recognize('hi')).rejects.toMatchObject({ backend: 'luis', failure: 'timeout' });
  });

  test("the caller's abort signal cancels the request", async () => {
    server.respondWith(() => ({ hang: true }));
    const controller = new AbortController();
    const pending = recognizer(10_000).recognize('hi', controller.signal);
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ failure: 'timeout' });
  });

  test.each([
    [{ appId: '', endpoint: 'http://127.0.0.1:1', key: 'k' }],
    [{ appId: 'my-app', endpoint: 'http://127.0.0.1:1', key: 'k' }],
  ])('refuses to start with bad settings %j', (config) => {
    expect(() => createLuisRecognizer(config)).toThrow(/LUIS_APP_ID/);
  });
});
