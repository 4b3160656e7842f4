/**
 * PostgreSQL: transcripts. A conversation is a row (its customer, times and staff marks) plus one row per entry, so
 * a turn appends its entries in one statement instead of rewriting the conversation. Reads put them back together.
 */
import type { Pool } from 'pg';
import { z } from 'zod';
import { validRecord } from '../records';
import type { TranscriptRepository } from '../consolePorts';
import { ConversationRecordSchema, StaffNoteSchema, TranscriptEntrySchema, type ConversationRecord, type StaffNote, type TranscriptEntry } from '../console/schema';
import { inTransaction, jsonb, storable } from './pool';

interface ConversationRow {
  id: string;
  customer_id: string | null;
  doc: Record<string, unknown>;
  entries: unknown[];
}

const SELECT_CONVERSATIONS = `
  SELECT c.id, c.customer_id, c.doc,
    COALESCE((SELECT jsonb_agg(e.doc ORDER BY e.seq) FROM transcript_entries e WHERE e.conversation_id = c.id), '[]'::jsonb) AS entries
  FROM conversations c`;

const EntriesSchema = z.array(TranscriptEntrySchema);

export class PostgresTranscriptRepository implements TranscriptRepository {
  constructor(private readonly pool: Pool) {}

  async append(conversationId: string, channelId: string, entries: TranscriptEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const valid = validRecord(EntriesSchema, entries, 'transcript entries');
    const first = valid[0];
    const last = valid.reduce((latest, e) => (Date.parse(e.at) > Date.parse(latest.at) ? e : latest), first);
    const customerId = [...valid].reverse().find((e) => e.customerId)?.customerId ?? null;
    const segment = [...valid].reverse().find((e) => e.segment)?.segment ?? null;
    const doc = { channelId, segment, startedAt: first.at, lastActivityAt: last.at, tags: [], notes: [], reviewedAt: null, reviewedBy: null };
    // One statement: the conversation row (created, or its latest customer, segment and activity updated), then the entries in order.
    await this.pool.query(
      `WITH conversation AS (
         INSERT INTO conversations AS c (id, customer_id, started_at, last_activity_at, doc) VALUES ($1, $2, $3, $4, $5::jsonb)
         ON CONFLICT (id) DO UPDATE SET
           customer_id = COALESCE(EXCLUDED.customer_id, c.customer_id),
           last_activity_at = GREATEST(c.last_activity_at, EXCLUDED.last_activity_at),
           doc = c.doc
             || CASE WHEN $6::jsonb IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('segment', $6::jsonb) END
             || CASE WHEN EXCLUDED.last_activity_at > c.last_activity_at THEN jsonb_build_object('lastActivityAt', $7::text) ELSE '{}'::jsonb END
         RETURNING id)
       INSERT INTO transcript_entries (conversation_id, at, customer_id, doc)
       SELECT (SELECT id FROM conversation), (e.doc->>'at')::timestamptz, e.doc->>'customerId', e.doc
       FROM jsonb_array_elements($8::jsonb) WITH ORDINALITY AS e(doc, n) ORDER BY e.n`,
      [storable(conversationId), customerId && storable(customerId), first.at, last.at, jsonb(doc),
        segment ? jsonb(segment) : null, last.at, jsonb(valid)]);
  }

  async get(conversationId: string): Promise<ConversationRecord | undefined> {
    const { rows } = await this.pool.query<ConversationRow>(`${SELECT_CONVERSATIONS} WHERE c.id = $1`, [storable(conversationId)]);
    return rows[0] && toRecord(rows[0]);
  }

  async list(): Promise<ConversationRecord[]> {
    const { rows } = await this.pool.query<ConversationRow>(`${SELECT_CONVERSATIONS} ORDER BY c.seq`);
    return rows.map(toRecord);
  }

  async forCustomer(customerId: string): Promise<ConversationRecord[]> {
    const { rows } = await this.pool.query<ConversationRow>(
      `${SELECT_CONVERSATIONS} WHERE c.customer_id = $1
         OR c.id IN (SELECT conversation_id FROM transcript_entries WHERE customer_id = $1) ORDER BY c.seq`, [storable(customerId)]);
    return rows.map(toRecord);
  }

  setTags(conversationId: string, tags: string[]): Promise<ConversationRecord | undefined> {
    const clean = [...new Set(tags.map((t) => t.trim()).filter((t) => t.length > 0))];
    return this.change(conversationId, `jsonb_build_object('tags', $2::jsonb)`, [jsonb(clean)]);
  }

  addNote(conversationId: string, note: StaffNote): Promise<ConversationRecord | undefined> {
    const valid = validRecord(StaffNoteSchema, note, 'staff note');
    return this.change(conversationId, `jsonb_build_object('notes', COALESCE(doc->'notes', '[]'::jsonb) || $2::jsonb)`, [jsonb([valid])]);
  }

  setReviewed(conversationId: string, staffId: string, reviewed: boolean, at: string): Promise<ConversationRecord | undefined> {
    return this.change(conversationId, `jsonb_build_object('reviewedAt', $2::text, 'reviewedBy', $3::text)`,
      [reviewed ? at : null, reviewed ? storable(staffId) : null]);
  }

  /** Erasure: the customer's conversations (with their entries) and handoffs, in one transaction. */
  async removeCustomer(customerId: string): Promise<number> {
    const key = storable(customerId);
    return inTransaction(this.pool, async (client) => {
      const removed = await client.query(
        `DELETE FROM conversations WHERE customer_id = $1
           OR id IN (SELECT conversation_id FROM transcript_entries WHERE customer_id = $1)`, [key]);
      await client.query('DELETE FROM handoffs WHERE customer_id = $1', [key]);
      return removed.rowCount ?? 0;
    });
  }

  async pruneBefore(before: Date): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      const removed = await client.query('DELETE FROM conversations WHERE last_activity_at < $1', [before]);
      await client.query(`DELETE FROM handoffs WHERE status = 'closed' AND requested_at < $1`, [before]);
      return removed.rowCount ?? 0;
    });
  }

  /** Merges `patch` (SQL over the row's doc, parameters from $2) into the conversation's doc. */
  private async change(conversationId: string, patch: string, params: unknown[]): Promise<ConversationRecord | undefined> {
    const { rowCount } = await this.pool.query(`UPDATE conversations SET doc = doc || ${patch} WHERE id = $1`, [storable(conversationId), ...params]);
    return rowCount ? this.get(conversationId) : undefined;
  }
}

function toRecord(row: ConversationRow): ConversationRecord {
  return ConversationRecordSchema.parse({ ...row.doc, id: row.id, customerId: row.customer_id, entries: row.entries });
}
