/**
 * Turn serialisation over PostgreSQL: "turns" that read a conversation's state, work a while and write it back
 * with the eTag they read, arriving at two instances (two pools, two locks) at once. Under the turn lock no change
 * is lost and no write conflicts; without it the overlapping writes conflict (the failure the lock exists for).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Storage } from 'botbuilder';
import { migrate } from '../../data/postgres/migrator';
import { PostgresConversationStorage } from '../../data/postgres/conversationStorage';
import { createPool } from '../../data/postgres/pool';
import { inProcessTurnLock, postgresTurnLock, type TurnLock } from '../../data/turnLock';
import { postgresSuite } from '../support/postgres';

const pg = postgresSuite('postgresTurnLock.test');
const KEY = 'webchat/conversations/c1';

/** One turn: read, think, write back one more item in the list (with the eTag read). */
async function turn(storage: Storage, label: string): Promise<void> {
  const item = (await storage.read([KEY]))[KEY] ?? { seen: [] };
  await sleep(20);
  await storage.write({ [KEY]: { ...item, seen: [...(item.seen as string[]), label] } });
}

pg.describe('the PostgreSQL turn lock', () => {
  const pools: ReturnType<typeof createPool>[] = [];
  const locks: TurnLock[] = [];
  let storages: Storage[];

  beforeAll(async () => {
    const url = await pg.cluster().freshDatabase();
    for (let i = 0; i < 2; i++) pools.push(createPool(url, { max: 4 }));
    await migrate(pools[0]);
    storages = pools.map((p) => new PostgresConversationStorage(p));
    for (let i = 0; i < 2; i++) locks.push(postgresTurnLock(createPool(url, { max: 4 })));
  });
  afterAll(async () => {
    await Promise.all([...locks.map((l) => l.close()), ...pools.map((p) => p.end())]);
  });
  beforeEach(async () => { await storages[0].delete([KEY]); });

  it('turns of one conversation alternating between two instances lose no change', async () => {
    const labels = Array.from({ length: 12 }, (_, i) => `t${i}`);
    const results = await Promise.allSettled(labels.map((label, i) => locks[i % 2].run(KEY, () => turn(storages[i % 2], label))));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(((await storages[0].read([KEY]))[KEY].seen as string[]).sort()).toEqual([...labels].sort());
  });

  it('without the lock, overlapping turns conflict on the eTag', async () => {
    await storages[0].write({ [KEY]: { seen: [] } });
    const results = await Promise.allSettled([turn(storages[0], 'a'), turn(storages[1], 'b')]);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
  });

  it('other conversations do not wait, and an error in a turn releases the lock', async () => {
    await expect(locks[0].run(KEY, async () => { throw new Error('turn failed'); })).rejects.toThrow('turn failed');
    let otherRan = false;
    await locks[0].run(KEY, async () => {
      await locks[1].run('webchat/conversations/other', async () => { otherRan = true; });
    });
    expect(otherRan).toBe(true);
    await expect(locks[1].run(KEY, async () => 'ran')).resolves.toBe('ran');
  });
});

describe('the in-process turn lock (lowdb)', () => {
  it('runs the turns of one conversation one at a time, others alongside', async () => {
    const lock = inProcessTurnLock();
    const log: string[] = [];
    const step = (name: string, ms: number) => async () => { log.push(`${name}:start`); await sleep(ms); log.push(`${name}:end`); };
    await Promise.all([lock.run('a', step('a1', 30)), lock.run('a', step('a2', 1)), lock.run('b', step('b1', 1))]);
    expect(log.indexOf('a2:start')).toBeGreaterThan(log.indexOf('a1:end'));
    expect(log.indexOf('b1:end')).toBeLessThan(log.indexOf('a1:end'));
  });
});
