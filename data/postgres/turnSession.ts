/**
 * A turn on PostgreSQL in as few round trips as correctness allows. The turn lock (data/turnLock.ts) holds a
 * connection of its own for the turn; on it
 *  - the first dialog-state read takes the conversation's advisory lock and reads the state in one statement
 *    (lock_turn_and_read_state, migration 008),
 *  - the suggestion events the turn records wait in memory, and
 *  - the state write stores state and events in one transaction, commits, and only then releases the lock, in one
 *    statement (save_turn_and_unlock): the next holder always reads what this turn wrote.
 * A turn that never reads state takes no lock (it has nothing to lose); a turn that writes no state flushes its
 * events and releases the lock the same way when it ends. Outside a turn every adapter works as before.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { StoreItem } from 'botbuilder';
import type { PoolClient } from 'pg';
import type { SuggestionEvent } from '../../domain/model';
import { ETagConflictError } from '../lowdb/conversationStorage';
import { jsonb, storable } from './pool';

/** An arbitrary namespace for the two-key advisory lock, apart from the migration and seed locks. */
export const TURN_LOCK_NAMESPACE = 7345;

export interface TurnSession {
  client: PoolClient;
  lockKey: string;
  /** waiting: lock not taken yet; held: taken by the state read; done: released (or the turn is over). */
  phase: 'waiting' | 'held' | 'done';
  pendingEvents: SuggestionEvent[];
  /** A lock statement failed midway: whether the lock is held is unknown, so the connection must be closed. */
  broken?: Error;
}

const turns = new AsyncLocalStorage<TurnSession>();

export function runInTurn<T>(session: TurnSession, work: () => Promise<T>): Promise<T> {
  return turns.run(session, work);
}

/** The turn this call belongs to, while its lock can still be taken or is held. */
export function activeTurn(): TurnSession | undefined {
  const session = turns.getStore();
  return session && session.phase !== 'done' ? session : undefined;
}

export async function lockAndReadState(session: TurnSession, storedKeys: string[]): Promise<{ key: string; doc: StoreItem; etag: string }[]> {
  session.phase = 'held';
  try {
    const { rows } = await session.client.query<{ key: string; doc: StoreItem; etag: string }>(
      'SELECT key, doc, etag FROM lock_turn_and_read_state($1, $2, $3::text[])', [TURN_LOCK_NAMESPACE, storable(session.lockKey), storedKeys]);
    return rows;
  } catch (e) {
    session.broken = e as Error;
    session.phase = 'done';
    throw e;
  }
}

/** Writes the state items (botbuilder eTag rules) and the pending events, commits, releases the lock. */
export async function saveAndRelease(session: TurnSession, items: [string, StoreItem][]): Promise<void> {
  const rows = items.map(([key, item]) => {
    const { eTag, ...doc } = item;
    const conditional = typeof eTag === 'string' && eTag !== '' && eTag !== '*';
    return { key: storable(key), doc, etag: randomUUID(), expected: conditional ? storable(eTag) : null };
  });
  const events = session.pendingEvents;
  session.pendingEvents = [];
  session.phase = 'done';
  let result: { conflict: string | null } | undefined;
  try {
    ({ rows: [result] } = await session.client.query<{ conflict: string | null }>(
      'CALL save_turn_and_unlock($1, $2, $3::jsonb, $4::jsonb)', [TURN_LOCK_NAMESPACE, storable(session.lockKey), jsonb(rows), jsonb(events)]));
  } catch (e) {
    session.broken = e as Error;
    throw e;
  }
  if (result?.conflict) throw new ETagConflictError(items.find(([key]) => storable(key) === result.conflict)?.[0] ?? result.conflict);
}

/**
 * The end of the turn (also a failed one): what is still pending is stored and the lock released, in one round trip;
 * nothing to do once the state write did both.
 */
export async function finishTurn(session: TurnSession, storeEvents: (events: SuggestionEvent[]) => Promise<void>): Promise<void> {
  if (session.phase === 'held') {
    await saveAndRelease(session, []);
    return;
  }
  session.phase = 'done';
  if (session.pendingEvents.length) {
    const events = session.pendingEvents;
    session.pendingEvents = [];
    await storeEvents(events);
  }
}
