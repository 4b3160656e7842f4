import { MAX_LOCK_RECORDS, type IdentificationLockRepository } from '../ports';
import { LockStateSchema, type LockState } from '../storeSchema';
import { validRecord } from '../records';
import type { StoreContext } from './storeIndexes';

/** Keys are stored as own properties of a plain record; hasOwn keeps "constructor" & co. from matching. */
export class LowdbLockRepository implements IdentificationLockRepository {
  constructor(private readonly store: StoreContext) {}

  async get(key: string): Promise<LockState | undefined> {
    const locks = this.store.doc.data.locks;
    return Object.hasOwn(locks, key) ? { ...locks[key] } : undefined;
  }

  put(key: string, state: LockState): Promise<void> {
    return this.store.doc.change((data) => {
      Object.defineProperty(data.locks, key, {
        value: validRecord(LockStateSchema, state, 'identification lock'), enumerable: true, writable: true, configurable: true,
      });
    });
  }

  remove(key: string): Promise<void> {
    return this.store.doc.change((data) => {
      if (Object.hasOwn(data.locks, key)) delete data.locks[key];
    });
  }

  /** Writes only when something goes. */
  async pruneExpired(now: Date): Promise<number> {
    const doomed = prunable(this.store.doc.data.locks, now.getTime());
    if (doomed.length === 0) return 0;
    await this.store.doc.change((data) => {
      for (const key of doomed) if (Object.hasOwn(data.locks, key)) delete data.locks[key];
    });
    return doomed.length;
  }
}

/** Expired records, then (past MAX_LOCK_RECORDS) the counts that expire soonest. */
function prunable(locks: Record<string, LockState>, nowMs: number): string[] {
  const expired: string[] = [];
  const counts: { key: string; expiresMs: number }[] = [];
  for (const [key, state] of Object.entries(locks)) {
    const expiresMs = expiryOf(state);
    if (expiresMs <= nowMs) expired.push(key);
    else if (!state.lockedUntil || Date.parse(state.lockedUntil) <= nowMs) counts.push({ key, expiresMs });
  }
  const excess = Object.keys(locks).length - expired.length - MAX_LOCK_RECORDS;
  if (excess <= 0) return expired;
  counts.sort((a, b) => a.expiresMs - b.expiresMs);
  return [...expired, ...counts.slice(0, excess).map((c) => c.key)];
}

/**
 * Records from before `expiresAt` existed: a lock expires when it ends; a bare count carries no time, so it is treated
 * as expired (it was only ever garbage that no window bounded).
 */
function expiryOf(state: LockState): number {
  if (state.expiresAt) return Date.parse(state.expiresAt);
  return state.lockedUntil ? Date.parse(state.lockedUntil) : -Infinity;
}
