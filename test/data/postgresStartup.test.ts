/** Starting before the database is up: the store waits for it, or gives up with a message naming it (no password). */
import { DatabaseUnavailableError, openPostgresStore } from '../../data/postgres/openPostgresStore';
import { smallStore } from './storeFixtures';
import { postgresSuite } from '../support/postgres';

const pg = postgresSuite('postgresStartup.test', { ownServer: true });

pg.describe('opening the PostgreSQL store', () => {
  it('waits for a database that comes up a little later', async () => {
    const outage = pg.cluster().outage;
    if (!outage) return;
    const url = await pg.cluster().freshDatabase();
    await outage.stopServer();
    const logs: string[] = [];
    let nowWaiting!: () => void;
    const waiting = new Promise<void>((resolve) => { nowWaiting = resolve; });
    const opening = openPostgresStore({ url, seed: async () => smallStore(), poolSize: 2, log: (msg) => {
      logs.push(msg);
      if (msg === 'Waiting for the database') nowWaiting();
    } });
    // The server comes up once the store has found it away and is waiting (no fixed pause).
    await waiting;
    await outage.startServer();
    const store = await opening;
    try {
      expect(logs).toContain('Waiting for the database');
      expect((await store.repositories.customers.list()).length).toBe(2);
    } finally {
      await store.close();
    }
  });

  it('gives up after the wait with a message naming the database without its password', async () => {
    const url = new URL(pg.cluster().adminUrl);
    url.port = '1';
    url.password = 'secret-password';
    const opening = openPostgresStore({ url: url.toString(), seed: async () => smallStore(), waitMs: 500 });
    await expect(opening).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(opening).rejects.toThrow(/did not answer within \d+ s/);
    await expect(opening).rejects.not.toThrow(/secret-password/);
  });
});
