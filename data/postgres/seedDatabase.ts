/**
 * Fills an empty database from a store document (the committed seed, or the importer's output) in batches of
 * multi-row inserts, logging progress. One transaction under an advisory lock: two instances starting on an
 * empty database seed it once, and a failure leaves it empty (so the next start tries again).
 */
import type { Pool, PoolClient } from 'pg';
import type { StoreData } from '../storeSchema';
import { UPSERT_PRODUCTS } from './catalogRepository';
import { emailKeyOf } from './customerRepository';
import { INSERT_ORDERS } from './orderRepository';
import { inTransaction, jsonb } from './pool';
import { UPSERT_SEGMENTS } from './segmentRepository';

const SEED_LOCK_KEY = 7_345_002;
export const SEED_BATCH_SIZE = 1000;

type Log = (msg: string, fields?: Record<string, unknown>) => void;

export interface SeedResult {
  seeded: boolean;
  rows: number;
  ms: number;
}

/** Seeds only when the database holds no product and no customer; otherwise does nothing. */
export async function seedIfEmpty(pool: Pool, load: () => Promise<StoreData>, log?: Log): Promise<SeedResult> {
  const started = Date.now();
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    const { rows } = await client.query<{ used: boolean }>(
      'SELECT EXISTS (SELECT 1 FROM products) OR EXISTS (SELECT 1 FROM customers) AS used');
    if (rows[0].used) return { seeded: false, rows: 0, ms: Date.now() - started };
    const data = await load();
    const count = await insertStoreData(client, data, log);
    const ms = Date.now() - started;
    log?.('Database seeded', { rows: count, ms });
    return { seeded: true, rows: count, ms };
  });
}

async function insertStoreData(client: PoolClient, data: StoreData, log?: Log): Promise<number> {
  const tables: [string, unknown[], string][] = [
    ['products', data.products, UPSERT_PRODUCTS],
    ['customers', data.customers.map((c) => [c, emailKeyOf(c)]), INSERT_CUSTOMERS],
    ['orders', data.orders, INSERT_ORDERS],
    ['segments', data.segments, UPSERT_SEGMENTS],
    ['feedback', data.feedback ?? [], insertRecords('feedback')],
    ['suggestion_events', data.suggestionEvents ?? [], insertRecords('suggestion_events')],
    ['audit', data.audit ?? [], INSERT_AUDIT],
    ['identification_locks', Object.entries(data.locks), INSERT_LOCKS],
  ];
  let total = 0;
  for (const [table, records, sql] of tables) {
    for (let start = 0; start < records.length; start += SEED_BATCH_SIZE) {
      const batch = records.slice(start, start + SEED_BATCH_SIZE);
      await client.query(sql, [jsonb(batch)]);
      total += batch.length;
      log?.('Seeding', { table, done: start + batch.length, of: records.length });
    }
  }
  return total;
}

const INSERT_CUSTOMERS = `
  INSERT INTO customers (id, email_key, doc)
  SELECT d->0->>'id', d->>1, d->0 FROM jsonb_array_elements($1::jsonb) d`;

function insertRecords(table: 'feedback' | 'suggestion_events'): string {
  return `INSERT INTO ${table} (id, customer_id, at, doc)
    SELECT d->>'id', d->>'customerId', (d->>'at')::timestamptz, d
    FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(d, n) ORDER BY n`;
}

const INSERT_AUDIT = `
  INSERT INTO audit (id, subject, at, doc)
  SELECT d->>'id', d->>'subject', (d->>'at')::timestamptz, d
  FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(d, n) ORDER BY n`;

const INSERT_LOCKS = `
  INSERT INTO identification_locks (key, failures, locked_until)
  SELECT d->>0, (d->1->>'failures')::int, d->1->>'lockedUntil' FROM jsonb_array_elements($1::jsonb) d`;
