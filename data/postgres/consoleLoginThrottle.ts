/**
 * PostgreSQL: the staff login throttle, shared by every instance, so guessing through several instances behind a
 * load balancer gets no more tries than through one. A reservation is one transaction holding an advisory lock per
 * key (taken in key order, so two reservations cannot deadlock): the count and the new marks cannot interleave.
 */
import type { Pool } from 'pg';
import type { LoginThrottleStore, ThrottleKey } from '../consolePorts';
import { inTransaction, storable } from './pool';

/** An arbitrary namespace for the two-key advisory lock, apart from the migration, seed and turn locks. */
const THROTTLE_LOCK_NAMESPACE = 7346;

export class PostgresLoginThrottle implements LoginThrottleStore {
  constructor(private readonly pool: Pool) {}

  reserve(keys: readonly ThrottleKey[], attemptId: string, now: number, windowMs: number): Promise<number> {
    const names = [...new Set(keys.map((k) => storable(k.key)))].sort();
    const since = now - windowMs;
    return inTransaction(this.pool, async (client) => {
      for (const name of names) await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [THROTTLE_LOCK_NAMESPACE, name]);
      const { rows } = await client.query<{ key: string; at_ms: string }>(
        'SELECT key, at_ms FROM staff_login_marks WHERE key = ANY($1) AND at_ms > $2 ORDER BY at_ms', [names, since]);
      const wait = Math.max(0, ...keys.map(({ key, max }) => {
        const marks = rows.filter((r) => r.key === storable(key)).map((r) => Number(r.at_ms));
        return marks.length < max ? 0 : marks[marks.length - max] + windowMs - now;
      }));
      if (wait > 0) return wait;
      await client.query(
        `WITH gone AS (DELETE FROM staff_login_marks WHERE key = ANY($1) AND at_ms <= $3)
         INSERT INTO staff_login_marks (key, attempt_id, at_ms, pending) SELECT unnest($1::text[]), $2, $4, true`,
        [names, attemptId, since, now]);
      return 0;
    });
  }

  async settle(attemptId: string): Promise<void> {
    await this.pool.query('UPDATE staff_login_marks SET pending = false WHERE attempt_id = $1', [attemptId]);
  }

  async release(attemptId: string, forgivenKey: string): Promise<void> {
    await this.pool.query('DELETE FROM staff_login_marks WHERE attempt_id = $1 OR (key = $2 AND NOT pending)', [attemptId, storable(forgivenKey)]);
  }
}
