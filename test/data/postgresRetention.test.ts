/**
 * Pruning on PostgreSQL removes exactly what is past its retention, and nothing a running shop still needs; the
 * erasure purge of dialog state reads the table page by page.
 */
import { openPostgresStore, type OpenedPostgresStore } from '../../data/postgres/openPostgresStore';
import { PostgresConversationStorage } from '../../data/postgres/conversationStorage';
import { pruneOnce } from '../../data/postgres/retention';
import { AT, product, smallStore } from './storeFixtures';
import { suggestionEvent } from './contracts/records';
import { postgresSuite } from '../support/postgres';

const pg = postgresSuite('postgresRetention.test');
const NOW = new Date('2026-06-01T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

pg.describe('PostgreSQL retention', () => {
  let store: OpenedPostgresStore;
  beforeAll(async () => {
    store = await openPostgresStore({ url: await pg.cluster().freshDatabase(), seed: async () => smallStore(), poolSize: 2 });
  });
  afterAll(async () => { await store?.close(); });

  it('prunes old dialog state, events, changes and spent identification counters, and keeps the rest', async () => {
    const { conversationStorage, repositories, pool } = store;
    await conversationStorage.write({ idle: { n: 1 }, recent: { n: 2 } });
    await pool.query("UPDATE bot_state SET updated_at = $1 WHERE key = 'idle'", [daysAgo(31)]);
    await pool.query("UPDATE bot_state SET updated_at = $1 WHERE key = 'recent'", [daysAgo(29)]);
    await repositories.suggestionEvents.add([
      { ...suggestionEvent('old', 'C1'), at: daysAgo(400) }, { ...suggestionEvent('kept', 'C1'), at: daysAgo(300) }, { ...suggestionEvent('new', null), at: AT },
    ]);
    await repositories.catalog.putMany([product('P8'), product('P9')]);
    await pool.query("UPDATE changes SET at = $1 WHERE key = 'P8'", [daysAgo(8)]);
    await repositories.locks.put('spent', { failures: 2, lockedUntil: null });
    await repositories.locks.put('expired', { failures: 0, lockedUntil: daysAgo(1.5) });
    await repositories.locks.put('still-locked', { failures: 0, lockedUntil: daysAgo(-1) });
    await repositories.locks.put('fresh', { failures: 1, lockedUntil: null });
    await pool.query("UPDATE identification_locks SET updated_at = $1 WHERE key <> 'fresh'", [daysAgo(2)]);

    const pruned = await pruneOnce(pool, { stateTtlDays: 30, suggestionEventDays: 365 }, NOW);
    expect(pruned).toEqual({ state: 1, suggestionEvents: 1, changes: 1, locks: 2, transcripts: 0, staffSignIns: 0, liveMessages: 0 });
    expect(Object.keys(await conversationStorage.read(['idle', 'recent']))).toEqual(['recent']);
    expect((await repositories.suggestionEvents.list()).map((e) => e.id)).toEqual(['kept', 'new']);
    const { rows } = await pool.query<{ key: string }>("SELECT key FROM changes WHERE kind = 'product' ORDER BY id");
    expect(rows.map((r) => r.key)).toEqual(['P9']);
    for (const key of ['spent', 'expired']) expect(await repositories.locks.get(key)).toBeUndefined();
    for (const key of ['still-locked', 'fresh']) expect(await repositories.locks.get(key)).toBeDefined();
    expect(await pruneOnce(pool, { stateTtlDays: 30, suggestionEventDays: 365 }, NOW)).toEqual({ state: 0, suggestionEvents: 0, changes: 0, locks: 0, transcripts: 0, staffSignIns: 0, liveMessages: 0 });
  });

  it('the erasure purge finds the customer\'s state across many pages and leaves the rest', async () => {
    const storage = new PostgresConversationStorage(store.pool);
    const items = Object.fromEntries(Array.from({ length: 23 }, (_, i) => [`purge/${String(i).padStart(2, '0')}`, { owner: i % 4 === 0 ? 'C1' : 'C2' }]));
    await storage.write(items);
    expect(await storage.purge((item) => item.owner === 'C1', 5)).toBe(6);
    const left = Object.values(await storage.read(Object.keys(items))).map((i) => i.owner);
    expect(left).toHaveLength(17);
    expect(left.every((owner) => owner === 'C2')).toBe(true);
  });
});
