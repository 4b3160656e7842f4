/**
 * Two instances' pools on one database: while one runs the campaign sender's work, the other skips its round (no
 * double send); once the first is done, the other's next round runs. Also through the campaign stores' runAlone.
 */
import { migrate } from '../../data/postgres/migrator';
import { createPool } from '../../data/postgres/pool';
import { onOneInstanceAtATime } from '../../data/postgres/oneInstanceAtATime';
import { postgresCampaignStores } from '../../data/postgres/campaignStore';
import { postgresSuite } from '../support/postgres';

const pg = postgresSuite('oneInstanceAtATime.test');

pg.describe('work one instance at a time (PostgreSQL advisory lock)', () => {
  const pools: ReturnType<typeof createPool>[] = [];

  beforeAll(async () => {
    const url = await pg.cluster().freshDatabase();
    pools.push(createPool(url, { max: 2 }), createPool(url, { max: 2 }));
    await migrate(pools[0]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
  });

  it('the second instance skips while the first works, and runs once the first is done', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let ran = 0;
    const first = onOneInstanceAtATime(pools[0], 'campaign-sender', async () => { await held; return 'first'; });
    // Give the first a moment to take the lock before the second tries.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(onOneInstanceAtATime(pools[1], 'campaign-sender', async () => { ran += 1; return 'second'; })).resolves.toBeUndefined();
    expect(ran).toBe(0);
    release();
    await expect(first).resolves.toBe('first');
    await expect(onOneInstanceAtATime(pools[1], 'campaign-sender', async () => { ran += 1; return 'second'; })).resolves.toBe('second');
    expect(ran).toBe(1);
  });

  it('work that fails releases the lock; other names are independent', async () => {
    await expect(onOneInstanceAtATime(pools[0], 'campaign-sender', async () => { throw new Error('connector down'); })).rejects.toThrow('connector down');
    await expect(onOneInstanceAtATime(pools[1], 'campaign-sender', async () => 'after failure')).resolves.toBe('after failure');
    let release: () => void = () => undefined;
    const held = onOneInstanceAtATime(pools[0], 'campaign-sender', () => new Promise<void>((resolve) => { release = resolve; }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(onOneInstanceAtATime(pools[1], 'other-job', async () => 'other')).resolves.toBe('other');
    release();
    await held;
  });

  it("the campaign stores of two instances share the sender's lock", async () => {
    const [a, b] = pools.map((p) => postgresCampaignStores(p));
    let release: () => void = () => undefined;
    const sending = a.runAlone(() => new Promise<string>((resolve) => { release = () => resolve('sent'); }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(b.runAlone(async () => 'double send')).resolves.toBeUndefined();
    release();
    await expect(sending).resolves.toBe('sent');
  });
});
