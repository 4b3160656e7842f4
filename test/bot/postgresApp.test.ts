/**
 * The real app on PostgreSQL (DATABASE_URL): seeded from the committed seed, a signed-in shopping turn over HTTP,
 * the whole scripted conversation (identify, suggest, refine, explain, survey, opt-out, export, erase) with its
 * writes landing in the database, /healthz with the database, and an outage: an apology and 503 while the
 * server is down, service back without a restart once it returns.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEMO_CUSTOMERS } from '../../data/seed/demoCustomers';
import { readSeedFile, DEFAULT_SEED_PATH } from '../../data/seedFile';
import { conversationTurns, runConversation } from '../../scripts/e2eConversation';
import { signIdentity } from '../../services/identityToken';
import { say, startApp, TEST_IDENTITY_SECRET, type RunningApp } from '../support/app';
import { postgresSuite } from '../support/postgres';

const pg = postgresSuite('postgresApp.test', { ownServer: true });

pg.describe('the app on PostgreSQL', () => {
  let running: RunningApp;
  let databaseUrl: string;
  const count = async (sql: string, params: unknown[] = []): Promise<number> => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>(sql, params);
      return Number(rows[0].n);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    databaseUrl = await pg.cluster().freshDatabase();
    running = await startApp({ DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: '4' });
  }, 120_000);
  afterAll(async () => { await running?.app.close(); });

  it('migrates and seeds the empty database from the committed seed, logging progress', async () => {
    const seed = await readSeedFile(DEFAULT_SEED_PATH);
    expect(await count('SELECT count(*) AS n FROM products')).toBe(seed.products.length);
    expect(await count('SELECT count(*) AS n FROM customers')).toBe(seed.customers.length);
    expect(await count('SELECT count(*) AS n FROM orders')).toBe(seed.orders.length);
    expect(running.logs.some((l) => l.includes('Database seeded'))).toBe(true);
    expect(running.logs.some((l) => l.includes('Seeding') && l.includes('"table":"products"'))).toBe(true);
    expect(running.logs.join('\n')).not.toMatch(/STORE_PATH|store\.json/);
  });

  it('reports the database in /healthz', async () => {
    const res = await fetch(`${running.url}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; database: { kind: string; ok: boolean; latencyMs: number } };
    expect(body.status).toBe('ok');
    expect(body.database).toMatchObject({ kind: 'postgres', ok: true });
    expect(body.database.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('answers a signed-in shopping turn with product cards, keeping the dialog state in the database', async () => {
    const [alice] = DEMO_CUSTOMERS;
    const identity = signIdentity(alice.id, TEST_IDENTITY_SECRET, 300);
    const replies = await say(running.url, 'pg-signed-in', 'show me candles', { channelData: { identity } });
    expect(replies.some((r) => (r.attachments?.length ?? 0) > 0)).toBe(true);
    expect(await count("SELECT count(*) AS n FROM bot_state WHERE key LIKE '%pg-signed-in%'")).toBeGreaterThan(0);
    expect(await count('SELECT count(*) AS n FROM suggestion_events WHERE customer_id = $1', [alice.id])).toBeGreaterThan(0);
  });

  it('runs the whole scripted conversation, and its feedback, consent change and erasure land in the database', async () => {
    const jonas = { email: 'jonas.becker@example.com', postcode: '10115' };
    const jonasId = (await (async () => {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return (await client.query<{ id: string }>("SELECT id FROM customers WHERE email_key = 'jonas.becker@example.com'")).rows[0].id;
      } finally {
        await client.end();
      }
    })());
    const ordersBefore = await count('SELECT count(*) AS n FROM orders WHERE customer_id = $1', [jonasId]);
    expect(ordersBefore).toBeGreaterThan(0);
    await runConversation(running.url, conversationTurns(jonas), () => undefined);
    expect(await count('SELECT count(*) AS n FROM feedback')).toBe(1);
    expect(await count("SELECT count(*) AS n FROM audit WHERE doc->>'action' IN ('consent_change', 'data_export', 'erasure')")).toBe(3);
    expect(await count('SELECT count(*) AS n FROM orders WHERE customer_id = $1', [jonasId])).toBe(0);
    expect(await count("SELECT count(*) AS n FROM customers WHERE id = $1 AND doc ? 'erasedAt' AND email_key IS NULL", [jonasId])).toBe(1);
    expect(await count("SELECT count(*) AS n FROM changes WHERE kind = 'erasure' AND key LIKE $1", [`%"${jonasId}"%`])).toBe(1);
    // The console is on PostgreSQL too: the first test's transcript is in the database, and no console file was made.
    expect(await count("SELECT count(*) AS n FROM transcript_entries WHERE conversation_id = 'pg-signed-in'")).toBeGreaterThan(0);
    expect(await count('SELECT count(*) AS n FROM conversations WHERE customer_id = $1', [jonasId])).toBe(0);
    expect(existsSync(join(running.dir, 'console.json'))).toBe(false);
  }, 60_000);

  it('while the database is down: an apology, no hang, health 503; afterwards it answers again without a restart', async () => {
    const outage = pg.cluster().outage;
    if (!outage) return; // a shared TEST_DATABASE_URL server cannot be stopped
    await outage.stopServer();
    try {
      const replies = await say(running.url, 'pg-outage', 'show me candles');
      expect(replies.map((r) => r.text).join(' ')).toMatch(/sorry/i);
      const health = await fetch(`${running.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'unavailable', database: { ok: false } });
    } finally {
      await outage.startServer();
    }
    const replies = await say(running.url, 'pg-outage', 'show me candles');
    expect(replies.some((r) => (r.attachments?.length ?? 0) > 0)).toBe(true);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  }, 60_000);
});
