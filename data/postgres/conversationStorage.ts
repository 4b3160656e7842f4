/**
 * botbuilder `Storage` over the bot_state table, with real eTags: a write carrying an eTag other than '*'
 * succeeds only if the stored item still has that eTag (or does not exist), checked and applied by one
 * statement, so two instances writing the same conversation cannot both win; '*' or no eTag overwrites.
 * Every write gives the item a new eTag. A multi-key write is one transaction (all or nothing).
 * Inside a locked turn the first read also takes the turn's lock and the write also stores the turn's events and
 * releases it (turnSession.ts): a turn's state costs two round trips, lock included.
 */
import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { Pool, PoolClient } from 'pg';
import { ETagConflictError } from '../lowdb/conversationStorage';
import { inTransaction, jsonb, storable } from './pool';
import { activeTurn, lockAndReadState, saveAndRelease } from './turnSession';

export class PostgresConversationStorage implements Storage {
  constructor(private readonly pool: Pool) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when reading.');
    if (!keys.length) return {};
    const turn = activeTurn();
    const rows = turn?.phase === 'waiting'
      ? await lockAndReadState(turn, keys.map(storable))
      : (await this.pool.query<{ key: string; doc: StoreItem; etag: string }>(
        'SELECT key, doc, etag FROM bot_state WHERE key = ANY($1::text[])', [keys.map(storable)])).rows;
    const byStoredKey = new Map(rows.map((row) => [row.key, row]));
    const found: StoreItems = {};
    // Answered under the key asked for (a key with characters PostgreSQL cannot hold is stored cleaned).
    for (const key of keys) {
      const row = byStoredKey.get(storable(key));
      if (row) found[key] = { ...row.doc, eTag: row.etag };
    }
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes || typeof changes !== 'object') throw new ReferenceError('Changes are required when writing.');
    const entries = Object.entries(changes);
    const turn = activeTurn();
    if (turn?.phase === 'held') {
      await saveAndRelease(turn, entries);
      return;
    }
    if (entries.length === 1) {
      await writeItem(this.pool, entries[0][0], entries[0][1]);
      return;
    }
    await inTransaction(this.pool, async (client) => {
      for (const [key, item] of entries) await writeItem(client, key, item);
    });
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when deleting.');
    if (keys.length) await this.pool.query('DELETE FROM bot_state WHERE key = ANY($1::text[])', [keys.map(storable)]);
  }

  /** Erasure: removes the items `matches` selects, reading the table in pages (never all of it at once). */
  async purge(matches: (item: StoreItem) => boolean, pageSize = 500): Promise<number> {
    let after = '';
    let removed = 0;
    for (;;) {
      const { rows } = await this.pool.query<{ key: string; doc: StoreItem }>(
        'SELECT key, doc FROM bot_state WHERE key > $1 ORDER BY key LIMIT $2', [after, pageSize]);
      if (!rows.length) return removed;
      const doomed = rows.filter((r) => matches(r.doc)).map((r) => r.key);
      if (doomed.length) {
        const result = await this.pool.query('DELETE FROM bot_state WHERE key = ANY($1::text[])', [doomed]);
        removed += result.rowCount ?? 0;
      }
      after = rows[rows.length - 1].key;
    }
  }
}

async function writeItem(db: Pool | PoolClient, key: string, item: StoreItem): Promise<void> {
  const { eTag, ...doc } = item;
  const conditional = typeof eTag === 'string' && eTag !== '' && eTag !== '*';
  const result = await db.query(
    `INSERT INTO bot_state (key, doc, etag) VALUES ($1, $2, $3)
     ON CONFLICT (key) DO UPDATE SET doc = EXCLUDED.doc, etag = EXCLUDED.etag, updated_at = now()
     ${conditional ? 'WHERE bot_state.etag = $4' : ''}`,
    conditional ? [storable(key), jsonb(doc), randomUUID(), storable(eTag)] : [storable(key), jsonb(doc), randomUUID()]);
  if (result.rowCount === 0) throw new ETagConflictError(key);
}
