/** The campaign scheduler with fake timers: runs every interval, never two runs at once, stop waits for the run in progress. */
import { startCampaignScheduler } from '../../services/campaigns/scheduler';
import { silentLogger } from '../support/silentLogger';

describe('campaign scheduler', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('ticks each interval, skips while a tick is still running, and stop() waits for it and ends the ticking', async () => {
    let started = 0;
    let finish: () => void = () => undefined;
    const scheduler = startCampaignScheduler(() => {
      started += 1;
      return new Promise<void>((resolve) => { finish = resolve; });
    }, 1000, silentLogger);

    expect(started).toBe(0);
    await jest.advanceTimersByTimeAsync(1000);
    expect(started).toBe(1);
    await jest.advanceTimersByTimeAsync(5000); // the first tick is still running: no second one
    expect(started).toBe(1);
    finish();
    await jest.advanceTimersByTimeAsync(1000);
    expect(started).toBe(2);

    let stoppedAt = 0;
    const stopping = scheduler.stop().then(() => { stoppedAt = started; });
    await jest.advanceTimersByTimeAsync(0);
    expect(stoppedAt).toBe(0); // still waiting for the tick in progress
    finish();
    await stopping;
    expect(stoppedAt).toBe(2);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(started).toBe(2);
  });

  it('a failing tick is logged and the next one still runs', async () => {
    const errors: string[] = [];
    let calls = 0;
    const scheduler = startCampaignScheduler(async () => {
      calls += 1;
      if (calls === 1) throw new Error('connector down');
    }, 1000, { ...silentLogger, error: (msg: string) => errors.push(msg) });
    await jest.advanceTimersByTimeAsync(2000);
    expect({ calls, errors }).toEqual({ calls: 2, errors: ['campaign tick failed'] });
    await scheduler.stop();
  });
});
