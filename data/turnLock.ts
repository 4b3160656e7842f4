/**
 * The turns of one conversation run one at a time: their dialog state is read at the start of a turn and written
 * at its end, so two overlapping turns would otherwise make one of them fail on the eTag (and lose its change).
 * In one process a keyed queue is enough (lowdb: one process per store); with PostgreSQL the queue is followed by
 * an advisory lock on the conversation, held on a connection of its own for the turn, so instances take turns too.
 */
import type { Pool } from 'pg';
import { KeyedSerializer } from '../domain/keyedSerializer';

export interface TurnLock {
  /** Runs `work` once no other turn of `key` runs (here or, with PostgreSQL, on another instance). */
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function inProcessTurnLock(): TurnLock {
  const queue = new KeyedSerializer();
  return { run: (key, work) => queue.run([key], work), close: async () => undefined };
}

/** An arbitrary namespace for the two-key advisory lock, apart from the migration and seed locks. */
const TURN_LOCK_NAMESPACE = 7345;

/**
 * `pool` is a pool of its own: a turn holds one of its connections while it waits for and holds the lock, and must
 * still get connections for its queries from the store's pool (sharing one pool could starve it). A crashed instance's
 * locks go with its connections. Two conversations whose keys hash alike only wait for each other: still correct.
 */
export function postgresTurnLock(pool: Pool): TurnLock {
  const queue = new KeyedSerializer();
  const run = async <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [TURN_LOCK_NAMESPACE, key]);
      try {
        return await work();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [TURN_LOCK_NAMESPACE, key]).catch((e: Error) => { broken = e; });
      }
    } finally {
      // A connection that could not unlock is dropped: closing it releases the lock on the server.
      client.release(broken);
    }
  };
  return { run: (key, work) => queue.run([key], () => run(key, work)), close: () => pool.end() };
}
