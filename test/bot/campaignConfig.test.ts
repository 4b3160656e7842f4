/** The campaign settings: defaults, and a wrong value stops startup naming the setting. */
import { ConfigError, loadConfig } from '../../bot/config';
import { campaignSettings } from '../../bot/campaignWiring';

describe('campaign settings', () => {
  it('defaults: 20 customers at least, 2 messages a week, quiet 21:00-09:00 London time, a run a minute', () => {
    expect(campaignSettings(loadConfig({}))).toEqual({
      minAudience: 20, maxMessages: 2, perDays: 7, quietHours: { start: '21:00', end: '09:00' }, timeZone: 'Europe/London',
      batchSize: 50, queuedDays: 14,
    });
    expect(loadConfig({}).CAMPAIGN_INTERVAL_SECONDS).toBe(60);
    expect(campaignSettings(loadConfig({ CAMPAIGN_QUIET_HOURS: 'off' })).quietHours).toBeNull();
  });

  it.each([
    [{ CAMPAIGN_QUIET_HOURS: '9pm to 9am' }, 'CAMPAIGN_QUIET_HOURS / CAMPAIGN_TIMEZONE: cannot read "9pm to 9am"'],
    [{ CAMPAIGN_QUIET_HOURS: '25:00-09:00' }, 'CAMPAIGN_QUIET_HOURS / CAMPAIGN_TIMEZONE: cannot read "25:00-09:00"'],
    [{ CAMPAIGN_TIMEZONE: 'Mars/Olympus' }, 'CAMPAIGN_QUIET_HOURS / CAMPAIGN_TIMEZONE'],
    [{ CAMPAIGN_MIN_AUDIENCE: '0' }, 'CAMPAIGN_MIN_AUDIENCE'],
    [{ CAMPAIGN_INTERVAL_SECONDS: '-1' }, 'CAMPAIGN_INTERVAL_SECONDS'],
  ])('%j is refused naming the setting', (env, expected) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(expected);
  });
});
