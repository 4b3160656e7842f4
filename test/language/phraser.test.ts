import { createGroundedPhraser } from '../../language/openai/phraser';
import type { GroundingItem } from '../../language/grounding';
import { apiError, chatCompletion } from './helpers/chatCompletions';
import { startJsonServer, type JsonServer, type ScriptedResponse } from './helpers/jsonServer';

const ITEMS: GroundingItem[] = [{ name: 'Regency Cakestand 3 Tier', price: 12.75, currency: 'GBP' }];
const TEMPLATE = 'Here are some ideas for you.';
const answer = (text: string): ScriptedResponse => ({ body: chatCompletion({ content: JSON.stringify({ text }) }) });

describe('grounded phrasing (OpenAI)', () => {
  let server: JsonServer;
  const logged: string[] = [];
  beforeEach(async () => {
    server = await startJsonServer();
    logged.length = 0;
  });
  afterEach(() => server.close());

  const phraser = (timeoutMs = 3000) =>
    createGroundedPhraser({ baseURL: `${server.baseUrl}/v1`, apiKey: 'sk-test', model: 'gpt-test', timeoutMs }, { log: (msg, fields) => logged.push(`${msg} ${JSON.stringify(fields)}`) });

  test('a grounded reply from the model is used; only product data is sent', async () => {
    server.respondWith(() => answer('The Regency Cakestand 3 Tier is a showstopper at £12.75.'));
    const result = await phraser().phrase(ITEMS, TEMPLATE);
    expect(logged).toEqual([]);
    expect(result).toEqual({ text: 'The Regency Cakestand 3 Tier is a showstopper at £12.75.', source: 'model' });
    const body = JSON.stringify(server.requests[0].body);
    expect(body).toContain('Regency Cakestand 3 Tier');
    expect(body).toContain('12.75');
  });

  test.each<[string, ScriptedResponse]>([
    ['an invented price', answer('The Regency Cakestand 3 Tier, now only £9.99!')],
    ['invalid JSON', { body: chatCompletion({ content: '{"text": ' }) }],
    ['a refusal', { body: chatCompletion({ content: null, refusal: 'I cannot help with that.' }) }],
    ['HTTP 500', { status: 500, body: apiError(500, 'server error', 'server_error') }],
    ['a timeout', { hang: true }],
  ])('falls back to the template on %s', async (_case, response) => {
    server.respondWith(() => response);
    expect(await phraser(150).phrase(ITEMS, TEMPLATE)).toEqual({ text: TEMPLATE, source: 'template' });
    expect(logged).toHaveLength(1);
  });
});
