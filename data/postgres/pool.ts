/** The pg Pool and the one transaction helper every PostgreSQL adapter shares. */
import type { Pool, PoolClient } from 'pg';
import { loadPg } from './pgModule';

export interface PoolOptions {
  /** Most connections one instance opens (default 10). */
  max?: number;
  /** A query that takes longer fails instead of hanging a turn (default 10 s). */
  statementTimeoutMs?: number;
}

export function createPool(url: string, options: PoolOptions = {}): Pool {
  const statementTimeout = options.statementTimeoutMs ?? 10_000;
  const pool = new (loadPg().Pool)({
    connectionString: url,
    max: options.max ?? 10,
    // A lost server must fail a turn quickly (the shopper gets an apology), not hang it.
    connectionTimeoutMillis: 5_000,
    statement_timeout: statementTimeout,
    // Client side too: a socket that went silent (server gone without closing it) must not hang a caller forever.
    query_timeout: statementTimeout ? statementTimeout + 5_000 : undefined,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its connection (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  return pool;
}

/** Runs `work` in one transaction on one client: COMMIT when it resolves, ROLLBACK when it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      broken = rollbackError as Error;
    }
    throw e;
  } finally {
    // A client whose ROLLBACK failed is in an unknown state: destroy it rather than hand it out again.
    client.release(broken);
  }
}

/** Records a change for the instance sync feed, in the caller's transaction, and wakes the listeners. */
export async function recordChange(client: PoolClient, kind: string, keys: readonly string[]): Promise<void> {
  if (!keys.length) return;
  await client.query(
    `WITH added AS (INSERT INTO changes (kind, key) SELECT $1, unnest($2::text[]) RETURNING id)
     SELECT pg_notify('changes', max(id)::text) FROM added`, [kind, keys.map(storable)]);
}

/** A lone UTF-16 surrogate (half of a pair), which JavaScript strings allow and PostgreSQL's json refuses. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const UNSTORABLE = /[\0\ud800-\udfff]/;

/**
 * A value as a jsonb parameter. JSON allows what PostgreSQL's jsonb cannot hold: the NUL character and lone
 * surrogates, both replaced by U+FFFD here, so odd characters typed by a shopper never fail a write.
 */
export function jsonb(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? storable(v) : v));
}

/** Text as PostgreSQL can hold it, the same way jsonb() stores it: lookups by a typed key then match (or not) alike. */
export function storable(text: string): string {
  return UNSTORABLE.test(text) ? text.replaceAll('\0', '\ufffd').replace(LONE_SURROGATE, '\ufffd') : text;
}
