import type { Pool } from 'pg';
import { validRecord } from '../records';
import { MAX_LOCK_RECORDS, type IdentificationLockRepository } from '../ports';
import { LockStateSchema, type LockState } from '../storeSchema';
import { storable } from './pool';

/** Failed identification attempts by key; updated_at lets old, expired entries be pruned. */
export class PostgresLockRepository implements IdentificationLockRepository {
  constructor(private readonly pool: Pool) {}

  async get(key: string): Promise<LockState | undefined> {
    const { rows } = await this.pool.query<{ failures: number; locked_until: string | null; expires_at: Date | null }>(
      'SELECT failures, locked_until, expires_at FROM identification_locks WHERE key = $1', [storable(key)]);
    const row = rows[0];
    if (!row) return undefined;
    return { failures: row.failures, lockedUntil: row.locked_until, ...(row.expires_at ? { expiresAt: row.expires_at.toISOString() } : {}) };
  }

  async put(key: string, state: LockState): Promise<void> {
    const valid = validRecord(LockStateSchema, state, 'identification lock');
    await this.pool.query(
      `INSERT INTO identification_locks (key, failures, locked_until, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET failures = EXCLUDED.failures, locked_until = EXCLUDED.locked_until,
         expires_at = EXCLUDED.expires_at, updated_at = now()`,
      [storable(key), valid.failures, valid.lockedUntil && storable(valid.lockedUntil), valid.expiresAt ?? null]);
  }

  /**
   * As the lowdb store: records that expired by `now` go (one without an expiry is a lock until it ends, or a
   * bare count that nothing bounds), then, past MAX_LOCK_RECORDS, the counts that expire soonest; never an active lock.
   */
  async pruneExpired(now: Date): Promise<number> {
    const expired = await this.pool.query(
      `DELETE FROM identification_locks
       WHERE COALESCE(expires_at, CASE WHEN locked_until IS NULL THEN '-infinity'::timestamptz ELSE locked_until::timestamptz END) <= $1`,
      [now]);
    const excess = await this.pool.query(
      `DELETE FROM identification_locks WHERE key IN (
         SELECT key FROM identification_locks
         WHERE locked_until IS NULL OR locked_until::timestamptz <= $1
         ORDER BY expires_at ASC NULLS FIRST
         LIMIT GREATEST((SELECT count(*) FROM identification_locks) - $2, 0))`,
      [now, MAX_LOCK_RECORDS]);
    return (expired.rowCount ?? 0) + (excess.rowCount ?? 0);
  }

  async remove(key: string): Promise<void> {
    await this.pool.query('DELETE FROM identification_locks WHERE key = $1', [storable(key)]);
  }
}
