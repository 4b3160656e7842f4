/**
 * Background work that several instances run on a timer but only one may do at a time (sending due campaigns: two
 * senders would message a customer twice). A session advisory lock held on one connection for the work's duration;
 * an instance that does not get it skips this round instead of waiting.
 */
import type { Pool } from 'pg';

export async function onOneInstanceAtATime<T>(pool: Pool, name: string, work: () => Promise<T>): Promise<T | undefined> {
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS got', [name]);
    if (!rows[0]?.got) return undefined;
    try {
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  } finally {
    client.release();
  }
}
