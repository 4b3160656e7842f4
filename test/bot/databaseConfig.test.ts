import { ConfigError, loadConfig } from '../../bot/config';

describe('database settings', () => {
  it('keeps lowdb when DATABASE_URL is unset or blank, with migrations on and 10 connections', () => {
    for (const env of [{}, { DATABASE_URL: '  ' }]) {
      const config = loadConfig(env);
      expect(config.DATABASE_URL).toBeUndefined();
      expect(config.DATABASE_MIGRATE).toBe(true);
      expect(config.DATABASE_POOL_SIZE).toBe(10);
      expect([config.STATE_TTL_DAYS, config.SUGGESTION_EVENT_RETENTION_DAYS, config.TRANSCRIPT_RETENTION_DAYS]).toEqual([30, 365, 90]);
    }
  });

  it('accepts postgres:// and postgresql:// URLs and turning start-up migrations off', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://shop:secret@db:5432/shop' }).DATABASE_URL).toBe('postgres://shop:secret@db:5432/shop');
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/shop', DATABASE_MIGRATE: 'false' }).DATABASE_MIGRATE).toBe(false);
  });

  it.each([
    ['another database', { DATABASE_URL: 'mysql://db/shop' }, /DATABASE_URL: must be a postgres:\/\/ URL/],
    ['a pool of zero', { DATABASE_POOL_SIZE: '0' }, /DATABASE_POOL_SIZE/],
    ['a migrate flag that is not a flag', { DATABASE_MIGRATE: 'sometimes' }, /DATABASE_MIGRATE/],
    ['a state lifetime of zero days', { STATE_TTL_DAYS: '0' }, /STATE_TTL_DAYS/],
    ['a transcript retention of zero days', { TRANSCRIPT_RETENTION_DAYS: '0' }, /TRANSCRIPT_RETENTION_DAYS/],
  ])('refuses %s, naming the setting', (_name, env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
