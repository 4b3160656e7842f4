import { ConfigError, authMode, loadConfig } from '../../bot/config';

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
    [{ LUIS_APP_ID: 'app' }, 'LUIS_APP_ID, LUIS_ENDPOINT and LUIS_KEY'],
    [{ LUIS_ENDPOINT: 'not a url', LUIS_APP_ID: 'a', LUIS_KEY: 'k' }, 'LUIS_ENDPOINT'],
    [{ OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' }, 'OPENAI_MODEL: required'],
    [{ OPENAI_MODEL: 'gpt-x' }, 'OPENAI_API_KEY: required for OpenAI itself'],
    [{ MicrosoftAppId: 'id' }, 'MicrosoftAppPassword'],
    [{ MicrosoftAppType: 'SingleTenant', MicrosoftAppId: 'id', MicrosoftAppPassword: 'p' }, 'MicrosoftAppTenantId'],
    [{ STAFF_ADMIN_EMAIL: 'admin@example.com' }, 'STAFF_ADMIN_EMAIL and STAFF_ADMIN_PASSWORD'],
    [{ DEMO_MODE: 'false' }, 'IDENTITY_SECRET: required when DEMO_MODE is false'],
  ])('refuses %j naming the setting', (env, expected) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(expected);
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
