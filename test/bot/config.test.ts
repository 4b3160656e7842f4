import { ConfigError, authMode, loadConfig, numberLimits, numberLimitsFromEnv, recognizerSettings } from '../../bot/config';

describe('loadConfig', () => {
  it('runs on defaults with an empty environment (local, anonymous, demo)', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.STORE_PATH).toBe('var/store.json');
    expect(config.DEMO_MODE).toBe(true);
    expect(authMode(config)).toBe('anonymous');
  });

  it('treats empty strings as unset, as a copied .env.example has them', () => {
    expect(loadConfig({ PORT: '', LUIS_KEY: '', MicrosoftAppId: '' }).PORT).toBe(3978);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DEMO_MODE: 'maybe' }, 'DEMO_MODE'],
    [{ IDENTITY_SECRET: 'short' }, 'IDENTITY_SECRET: must be at least 32 characters'],
    [{ ORDERS_API_KEY: 'x'.repeat(31) }, 'ORDERS_API_KEY: must be at least 32 characters'],
    [{ LUIS_APP_ID: 'app' }, 'LUIS_APP_ID, LUIS_ENDPOINT and LUIS_KEY'],
    [{ LUIS_ENDPOINT: 'not a url', LUIS_APP_ID: 'a', LUIS_KEY: 'k' }, 'LUIS_ENDPOINT'],
    [{ OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' }, 'OPENAI_MODEL: required'],
    [{ OPENAI_MODEL: 'gpt-x' }, 'OPENAI_API_KEY: required for OpenAI itself'],
    [{ MicrosoftAppId: 'id' }, 'MicrosoftAppPassword'],
    [{ MicrosoftAppType: 'SingleTenant', MicrosoftAppId: 'id', MicrosoftAppPassword: 'p' }, 'MicrosoftAppTenantId'],
    [{ STAFF_ADMIN_EMAIL: 'admin@example.com' }, 'STAFF_ADMIN_EMAIL and STAFF_ADMIN_PASSWORD'],
    [{ DEMO_MODE: 'false' }, 'IDENTITY_SECRET: required when DEMO_MODE is false'],
    [{ MAX_ORDER_QUANTITY: '2.5' }, 'MAX_ORDER_QUANTITY'],
    [{ MAX_ORDER_QUANTITY: '0' }, 'MAX_ORDER_QUANTITY'],
    [{ MAX_UNIT_PRICE: '1e308' }, 'MAX_UNIT_PRICE'],
    [{ MAX_UNIT_PRICE: 'Infinity' }, 'MAX_UNIT_PRICE'],
  ])('refuses %j naming the setting', (env, expected) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(expected);
  });

  it('bounds order quantities and unit prices: 100000 each by default, or as set', () => {
    expect(numberLimits(loadConfig({}))).toEqual({ maxOrderQuantity: 100000, maxUnitPrice: 100000 });
    expect(numberLimits(loadConfig({ MAX_ORDER_QUANTITY: '500', MAX_UNIT_PRICE: '99.99' }))).toEqual({ maxOrderQuantity: 500, maxUnitPrice: 99.99 });
    // The import command reads the two settings alone.
    expect(numberLimitsFromEnv({ MAX_UNIT_PRICE: '20', DEMO_MODE: 'false' })).toEqual({ maxOrderQuantity: 100000, maxUnitPrice: 20 });
    expect(() => numberLimitsFromEnv({ MAX_UNIT_PRICE: '-1' })).toThrow(/MAX_UNIT_PRICE/);
  });

  it('leaves order intake off unless ORDERS_API_KEY is set (blank counts as unset)', () => {
    expect(loadConfig({}).ORDERS_API_KEY).toBeUndefined();
    expect(loadConfig({ ORDERS_API_KEY: '  ' }).ORDERS_API_KEY).toBeUndefined();
    expect(loadConfig({ ORDERS_API_KEY: 'k'.repeat(32) }).ORDERS_API_KEY).toBe('k'.repeat(32));
  });

  it('accepts a complete Bot Framework and OpenAI configuration', () => {
    const config = loadConfig({
      MicrosoftAppType: 'MultiTenant', MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw',
      OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1', OPENAI_API_KEY: 'k', OPENAI_MODEL: 'm',
    });
    expect(authMode(config)).toBe('bot-framework');
    expect(config.OPENAI_MODEL).toBe('m');
  });
});

describe('recognizerSettings', () => {
  it('defaults to the local recognizer alone', () => {
    expect(recognizerSettings(loadConfig({}))).toEqual({ luis: undefined, openai: undefined, timeoutMs: 1500, minScore: 0.5 });
  });

  it('reads LUIS, an OpenAI-compatible server without a key, and the fallback settings', () => {
    expect(recognizerSettings(loadConfig({
      LUIS_APP_ID: 'app', LUIS_ENDPOINT: 'https://luis.example.com', LUIS_KEY: 'k',
      OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1', OPENAI_MODEL: 'llama', RECOGNIZER_TIMEOUT_MS: '800', RECOGNIZER_MIN_SCORE: '0.6',
    }))).toEqual({
      luis: { appId: 'app', endpoint: 'https://luis.example.com', key: 'k' },
      openai: { baseURL: 'http://127.0.0.1:8080/v1', apiKey: 'not-needed', model: 'llama' },
      timeoutMs: 800, minScore: 0.6,
    });
  });

  it.each([
    [{ RECOGNIZER_MIN_SCORE: '2' }, 'RECOGNIZER_MIN_SCORE'],
    [{ OPENAI_BASE_URL: 'not a url', OPENAI_MODEL: 'gpt' }, 'OPENAI_BASE_URL'],
  ])('refuses %j naming the setting', (env, expected) => {
    expect(() => loadConfig(env)).toThrow(expected);
  });

  it('treats blank values as unset', () => {
    expect(recognizerSettings(loadConfig({ OPENAI_BASE_URL: ' ', OPENAI_MODEL: '' })).openai).toBeUndefined();
  });
});
