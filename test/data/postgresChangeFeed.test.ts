/**
 * The change feed between two stores on one database: what one instance writes reaches the other's handler in
 * order, with the records read back; changes older than the reader's start are not replayed; large bursts come
 * in batches; after the server was away (LISTEN connection lost, notifications lost) the feed catches up by itself.
 */
import { openPostgresStore, type OpenedPostgresStore } from '../../data/postgres/openPostgresStore';
import type { ChangeBatch } from '../../data/postgres/changeFeed';
import { customer, order, product, smallStore } from './storeFixtures';
import { postgresSuite } from '../support/postgres';

const pg = postgresSuite('postgresChangeFeed.test', { ownServer: true });

async function until(check: () => boolean, limitMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > limitMs) throw new Error(`not reached within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

pg.describe('the PostgreSQL change feed', () => {
  let writer: OpenedPostgresStore;
  let reader: OpenedPostgresStore;
  const batches: ChangeBatch[] = [];
  const readerLog: string[] = [];
  const all = <K extends 'products' | 'orders' | 'customers' | 'erasures'>(kind: K): ChangeBatch[K] =>
    batches.flatMap((b) => b[kind] as unknown[]) as ChangeBatch[K];

  beforeAll(async () => {
    const url = await pg.cluster().freshDatabase();
    const open = (log?: (msg: string) => void) => openPostgresStore({ url, seed: async () => smallStore(), poolSize: 3, log });
    writer = await open();
    await writer.repositories.catalog.put({ ...product('P1'), price: 1 }); // before the reader opens: not replayed
    reader = await open((msg) => readerLog.push(msg));
    reader.changeFeed.start(async (batch) => { batches.push(batch); });
  });
  afterAll(async () => { await Promise.all([reader?.close(), writer?.close()]); });

  it('delivers what another instance writes, in order, and nothing from before it opened', async () => {
    await writer.repositories.catalog.putMany([{ ...product('P1'), price: 3 }, product('P7')]);
    await writer.repositories.customers.put(customer('C9'));
    await writer.repositories.orders.add(order('O9', 'C9', 'P7'));
    await writer.repositories.orders.reassignCustomer('C1', 'erased-x');
    await until(() => all('erasures').length > 0);
    expect(all('products').map((p) => [p.id, p.price])).toEqual([['P1', 3], ['P7', 2.5]]);
    expect(all('customers').map((c) => c.id)).toEqual(['C9']);
    expect(all('orders')).toEqual([order('O9', 'C9', 'P7')]);
    expect(all('erasures')).toEqual([{ customerId: 'C1', pseudonym: 'erased-x' }]);
  });

  it('reads a burst larger than one batch completely', async () => {
    batches.length = 0;
    await writer.repositories.catalog.putMany(Array.from({ length: 1200 }, (_, i) => product(`B${i}`)));
    await until(() => all('products').length >= 1200);
    expect(new Set(all('products').map((p) => p.id)).size).toBe(1200);
    expect(batches.length).toBeGreaterThan(1);
  });

  it('catches up by itself after the database was away', async () => {
    const outage = pg.cluster().outage;
    if (!outage) return;
    batches.length = 0;
    readerLog.length = 0;
    await outage.stopServer();
    // The feed's reads fail meanwhile (its next catch-up, within a second), and are retried.
    await until(() => readerLog.includes('change feed: read failed, will retry'));
    await outage.startServer();
    await writer.repositories.orders.add(order('O10', 'C2')).catch(async () => {
      // The writer's pooled connection died with the server: the pool replaces it on the next try.
      await writer.repositories.orders.add(order('O10', 'C2'));
    });
    await until(() => all('orders').some((o) => o.id === 'O10'));
    expect(reader.changeFeed.position).toBe(batches[batches.length - 1].upTo);
  });
});
