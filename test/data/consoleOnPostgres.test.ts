/**
 * DATABASE_URL puts the console on PostgreSQL: two instances (two openDatabaseStore on one database) see the same
 * staff, sessions, handoffs and transcripts, share the login throttle, and old transcripts are pruned.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { Pool } from 'pg';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabaseStore, type DatabaseStore } from '../../data/openDatabaseStore';
import { pruneOnce } from '../../data/postgres/retention';
import { DEFAULT_SEED_PATH } from '../../data/seedFile';
import { LoginThrottle } from '../../review/loginThrottle';
import { postgresSuite } from '../support/postgres';
import { staffAccount } from './contracts/consoleStaff';
import { transcriptEntry } from './contracts/consoleTranscripts';

const pg = postgresSuite('consoleOnPostgres.test');

pg.describe('the console on PostgreSQL, two instances', () => {
  let dir: string;
  let a: DatabaseStore;
  let b: DatabaseStore;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'console-pg-'));
    const url = await pg.cluster().freshDatabase();
    const open = () => openDatabaseStore({
      databaseUrl: url, storePath: join(dir, 'store.json'), consoleStorePath: join(dir, 'console.json'), seedPath: DEFAULT_SEED_PATH, poolSize: 4,
    });
    a = await open();
    b = await open();
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('writes nothing to the lowdb console file', async () => {
    expect(a.kind).toBe('postgres');
    await a.console.transcripts.append('conv-a', 'webchat', [transcriptEntry('2026-11-16T10:00:00.000Z', 'hello', null)]);
    expect(await readdir(dir)).toEqual([]);
    expect((await b.console.transcripts.get('conv-a'))?.entries.map((e) => e.text)).toEqual(['hello']);
  });

  it('shares staff, sessions and handoffs: an agent on one instance holds a handoff against the other', async () => {
    await a.console.staff.add(staffAccount('s1', 'ann@shop.test'));
    await b.console.staff.addSession({ tokenHash: 'h', staffId: 's1', createdAt: '2026-11-16T10:00:00.000Z', expiresAt: '2099-01-01T00:00:00.000Z' }, new Date());
    expect((await a.console.staff.findSession('h'))?.staffId).toBe('s1');
    const handoff = await a.console.handoffs.open({ conversationId: 'conv-a', customerId: null, reason: 'help', segment: null, at: '2026-11-16T10:00:00.000Z' });
    const [onA, onB] = await Promise.all([a.console.handoffs.claim(handoff.id, 's1', '2026-11-16T10:01:00.000Z'), b.console.handoffs.claim(handoff.id, 's2', '2026-11-16T10:01:00.000Z')]);
    expect([onA.ok, onB.ok].filter(Boolean)).toHaveLength(1);
    expect((await b.console.handoffs.activeFor('conv-a'))?.status).toBe('claimed');
  });

  it('shares the login throttle: guesses spread over both instances get no more tries than on one', async () => {
    const limits = { maxFailuresPerAccount: 5, maxFailuresPerIp: 100, windowMs: 60_000 };
    const throttles = [new LoginThrottle(a.console.loginThrottle, limits), new LoginThrottle(b.console.loginThrottle, limits)];
    const now = Date.now();
    const reservations = await Promise.all(Array.from({ length: 16 }, (_, i) => throttles[i % 2].reserve('victim@shop.test', `ip-${i}`, now)));
    expect(reservations.filter((r) => r.allowed)).toHaveLength(5);
  });

  it('prunes conversations idle past TRANSCRIPT_RETENTION_DAYS in the background pass', async () => {
    await a.console.transcripts.append('conv-old', 'webchat', [transcriptEntry('2025-01-01T10:00:00.000Z', 'long ago', null)]);
    // The PostgreSQL store carries its pool (openPostgresStore); DatabaseStore does not name it.
    const { pool } = a as unknown as { pool: Pool };
    const pruned = await pruneOnce(pool, { stateTtlDays: 30, suggestionEventDays: 365, transcriptDays: 90 }, new Date('2026-11-20T00:00:00.000Z'));
    expect(pruned.transcripts).toBe(1);
    expect(await b.console.transcripts.get('conv-old')).toBeUndefined();
    expect(await b.console.transcripts.get('conv-a')).toBeDefined();
  });
});
