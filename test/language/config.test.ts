import { recognizerConfigFromEnv } from '../../language/config';

describe('recognizerConfigFromEnv', () => {
  test('defaults to local only', () => {
    expect(recognizerConfigFromEnv({})).toEqual({ timeoutMs: 1500, minScore: 0.5 });
  });

  test('reads LUIS, OpenAI and tuning variables', () => {
    const config = recognizerConfigFromEnv({
      LUIS_APP_ID: 'app', LUIS_ENDPOINT: 'https://luis.example.com', LUIS_KEY: 'k',
      OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1', OPENAI_MODEL: 'llama', NLU_TIMEOUT_MS: '800', NLU_MIN_SCORE: '0.6',
    });
    expect(config).toEqual({
      luis: { appId: 'app', endpoint: 'https://luis.example.com', key: 'k' },
      openai: { baseURL: 'http://127.0.0.1:8080/v1', apiKey: 'not-needed', model: 'llama' },
      timeoutMs: 800, minScore: 0.6,
    });
  });

  test.each([
    [{ LUIS_APP_ID: 'app', LUIS_KEY: 'k' }, /missing: LUIS_ENDPOINT/],
    [{ OPENAI_MODEL: 'gpt' }, /missing: OPENAI_BASE_URL/],
    [{ OPENAI_BASE_URL: 'not a url', OPENAI_MODEL: 'gpt' }, /OPENAI_BASE_URL/],
    [{ NLU_MIN_SCORE: '2' }, /NLU_MIN_SCORE/],
  ])('rejects %j with a clear message', (env, message) => {
    expect(() => recognizerConfigFromEnv(env)).toThrow(message);
  });

  test('blank variables count as unset', () => {
    expect(recognizerConfigFromEnv({ OPENAI_BASE_URL: ' ', OPENAI_MODEL: '' })).toEqual({ timeoutMs: 1500, minScore: 0.5 });
  });
});
