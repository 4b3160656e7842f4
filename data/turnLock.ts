/**
 * The turns of one conversation run one at a time: their dialog state is read at the start of a turn and written
 * at its end, so two overlapping turns would otherwise make one of them fail on the eTag (and lose its change).
 * In one process a keyed queue is enough (lowdb: one process per store); with PostgreSQL the queue is followed by
 * an advisory lock on the conversation, held on a connection of its own for the turn, so instances take turns too;
 * it is taken with the state read and released with the state write (postgres/turnSession.ts).
 */
import type { Pool } from 'pg';
import { KeyedSerializer } from '../domain/keyedSerializer';
import type { SuggestionEvent } from '../domain/model';
import { finishTurn, runInTurn, type TurnSession } from './postgres/turnSession';

export interface TurnLock {
  /** Runs `work` once no other turn of `key` runs (here or, with PostgreSQL, on another instance). */
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function inProcessTurnLock(): TurnLock {
  const queue = new KeyedSerializer();
  return { run: (key, work) => queue.run([key], work), close: async () => undefined };
}

/**
 * `pool` is a pool of its own: a turn holds one of its connections for the turn (the lock is taken on it by the first
 * state read, see postgres/turnSession.ts) and must still get connections for its other queries from the store's pool
 * (sharing one pool could starve it). A crashed instance's locks go with its connections. Two conversations whose keys
 * hash alike only wait for each other: still correct. `storeEvents` stores events left pending by a turn that took no lock.
 */
export function postgresTurnLock(pool: Pool, storeEvents: (events: SuggestionEvent[]) => Promise<void>): TurnLock {
  const queue = new KeyedSerializer();
  const run = async <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const session: TurnSession = { client: await pool.connect(), lockKey: key, phase: 'waiting', pendingEvents: [] };
    let result: T;
    try {
      result = await runInTurn(session, work);
    } catch (e) {
      // A failed turn still releases its lock (and keeps what it recorded); the turn's own error is the one reported.
      await finishTurn(session, storeEvents).catch(() => undefined);
      session.client.release(session.broken);
      throw e;
    }
    try {
      await finishTurn(session, storeEvents);
    } finally {
      // A connection whose lock statement failed is dropped: closing it releases the lock on the server.
      session.client.release(session.broken);
    }
    return result;
  };
  return { run: (key, work) => queue.run([key], () => run(key, work)), close: () => pool.end() };
}
