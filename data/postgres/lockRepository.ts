import type { Pool } from 'pg';
import { validRecord } from '../lowdb/records';
import type { IdentificationLockRepository } from '../ports';
import { LockStateSchema, type LockState } from '../storeSchema';
import { storable } from './pool';

/** Failed identification attempts by key; updated_at lets old, expired entries be pruned. */
export class PostgresLockRepository implements IdentificationLockRepository {
  constructor(private readonly pool: Pool) {}

  async get(key: string): Promise<LockState | undefined> {
    const { rows } = await this.pool.query<{ failures: number; locked_until: string | null }>(
      'SELECT failures, locked_until FROM identification_locks WHERE key = $1', [storable(key)]);
    return rows[0] && { failures: rows[0].failures, lockedUntil: rows[0].locked_until };
  }

  async put(key: string, state: LockState): Promise<void> {
    const valid = validRecord(LockStateSchema, state, 'identification lock');
    await this.pool.query(
      `INSERT INTO identification_locks (key, failures, locked_until) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET failures = EXCLUDED.failures, locked_until = EXCLUDED.locked_until, updated_at = now()`,
      [storable(key), valid.failures, valid.lockedUntil && storable(valid.lockedUntil)]);
  }

  async remove(key: string): Promise<void> {
    await this.pool.query('DELETE FROM identification_locks WHERE key = $1', [storable(key)]);
  }
}
