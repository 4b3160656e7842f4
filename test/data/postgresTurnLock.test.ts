/**
 * Turn serialisation over PostgreSQL: "turns" that read a conversation's state, work a while and write it back
 * with the eTag they read, arriving at two instances (two pools, two locks) at once. Under the turn lock no change
 * is lost and no write conflicts; without it the overlapping writes conflict (the failure the lock exists for).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Storage } from 'botbuilder';
import { Client } from 'pg';
import { migrate } from '../../data/postgres/migrator';
import { PostgresConversationStorage } from '../../data/postgres/conversationStorage';
import { createPool } from '../../data/postgres/pool';
import { PostgresSuggestionEventRepository } from '../../data/postgres/recordRepositories';
import { TurnBatchedSuggestionEvents } from '../../data/postgres/turnBatchedEvents';
import type { SuggestionEvent } from '../../domain/model';
import { inProcessTurnLock, postgresTurnLock, type TurnLock } from '../../data/turnLock';
import { postgresSuite } from '../support/postgres';

const pg = postgresSuite('postgresTurnLock.test');
const KEY = 'webchat/conversations/c1';

/** One turn: read, think, write back one more item in the list (with the eTag read). `bothRead` makes the
 * overlap certain: the turn writes only once every overlapping turn has read. */
async function turn(storage: Storage, label: string, bothRead?: { arrive(): Promise<void> }): Promise<void> {
  const item = (await storage.read([KEY]))[KEY] ?? { seen: [] };
  await (bothRead ? bothRead.arrive() : sleep(20));
  await storage.write({ [KEY]: { ...item, seen: [...(item.seen as string[]), label] } });
}

/** Resolves `arrive()` for everyone once `count` callers have arrived. */
function barrier(count: number): { arrive(): Promise<void> } {
  let arrived = 0;
  let open: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => { open = resolve; });
  return { arrive: () => { arrived += 1; if (arrived === count) open(); return opened; } };
}

pg.describe('the PostgreSQL turn lock', () => {
  const pools: ReturnType<typeof createPool>[] = [];
  const locks: TurnLock[] = [];
  let storages: Storage[];
  let storedEvents: PostgresSuggestionEventRepository;

  beforeAll(async () => {
    const url = await pg.cluster().freshDatabase();
    for (let i = 0; i < 2; i++) pools.push(createPool(url, { max: 4 }));
    await migrate(pools[0]);
    storages = pools.map((p) => new PostgresConversationStorage(p));
    storedEvents = new PostgresSuggestionEventRepository(pools[0]);
    for (let i = 0; i < 2; i++) locks.push(postgresTurnLock(createPool(url, { max: 4 }), (e) => storedEvents.add(e)));
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
    const bothRead = barrier(2);
    const results = await Promise.allSettled([turn(storages[0], 'a', bothRead), turn(storages[1], 'b', bothRead)]);
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

pg.describe('a turn on PostgreSQL in two round trips', () => {
  let pool: ReturnType<typeof createPool>;
  let lock: TurnLock;
  let storage: PostgresConversationStorage;
  let events: TurnBatchedSuggestionEvents;
  let stored: PostgresSuggestionEventRepository;
  const event = (id: string): SuggestionEvent => ({
    id, conversationId: 'c1', customerId: 'cust-1', productId: `p-${id}`, kind: 'dismissed', reason: 'r', segment: null, at: new Date().toISOString(),
  });

  beforeAll(async () => {
    const url = await pg.cluster().freshDatabase();
    pool = createPool(url, { max: 4 });
    await migrate(pool);
    storage = new PostgresConversationStorage(pool);
    stored = new PostgresSuggestionEventRepository(pool);
    events = new TurnBatchedSuggestionEvents(stored);
    lock = postgresTurnLock(createPool(url, { max: 4 }), (e) => stored.add(e));
  });
  afterAll(async () => { await Promise.all([lock.close(), pool.end()]); });

  it('stores the events a turn recorded with its state, and the turn sees them before', async () => {
    await lock.run(KEY, async () => {
      const item = (await storage.read([KEY]))[KEY] ?? {};
      await events.add([event('e1'), event('e2')]);
      expect((await events.forCustomer('cust-1')).map((e) => e.id)).toEqual(['e1', 'e2']);
      expect((await stored.forCustomer('cust-1'))).toEqual([]);
      await storage.write({ [KEY]: { ...item, n: 1 } });
      expect((await stored.forCustomer('cust-1')).map((e) => e.id)).toEqual(['e1', 'e2']);
    });
    expect((await storage.read([KEY]))[KEY]).toMatchObject({ n: 1 });
  });

  it('a stale eTag fails the write, stores none of the turn, and releases the lock', async () => {
    const before = (await storage.read([KEY]))[KEY];
    await storage.write({ [KEY]: { ...before, n: 2 } });
    await expect(lock.run(KEY, async () => {
      await storage.read([KEY]);
      await events.add([event('e3')]);
      await storage.write({ [KEY]: { ...before, n: 3 } });
    })).rejects.toThrow();
    expect((await storage.read([KEY]))[KEY]).toMatchObject({ n: 2 });
    expect((await stored.forCustomer('cust-1')).map((e) => e.id)).not.toContain('e3');
    await expect(lock.run(KEY, async () => { await storage.read([KEY]); return 'next turn ran'; })).resolves.toBe('next turn ran');
  });

  it('a turn that writes no state still stores its events and releases the lock', async () => {
    await lock.run(KEY, async () => {
      await storage.read([KEY]);
      await events.add([event('e4')]);
    });
    await lock.run('webchat/conversations/no-read', async () => { await events.add([event('e5')]); });
    expect((await stored.forCustomer('cust-1')).map((e) => e.id)).toEqual(expect.arrayContaining(['e4', 'e5']));
    await expect(lock.run(KEY, async () => { await storage.read([KEY]); return 'ran'; })).resolves.toBe('ran');
  });

  it('reads and writes a turn\'s state, lock and events included, in two round trips', async () => {
    const queries = jest.spyOn(Client.prototype, 'query');
    try {
      await lock.run(KEY, async () => {
        const item = (await storage.read([KEY]))[KEY] ?? {};
        await events.add([event('e6')]);
        await storage.write({ [KEY]: { ...item, n: 4 } });
      });
      expect(queries).toHaveBeenCalledTimes(2);
    } finally {
      queries.mockRestore();
    }
    expect((await stored.forCustomer('cust-1')).map((e) => e.id)).toContain('e6');
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
