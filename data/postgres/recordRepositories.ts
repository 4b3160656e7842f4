/**
 * The append-only records: feedback, suggestion events and audit entries. Listed in the order written (seq);
 * erasure detaches a customer's records in one statement.
 */
import type { Pool } from 'pg';
import {
  ERASED_SUBJECT,
  AuditEntrySchema, FeedbackSchema, SuggestionEventSchema, type AuditEntry, type Feedback, type SuggestionEvent,
} from '../../domain/model';
import { InvalidRecordError, validRecord } from '../records';
import type { AuditRepository, FeedbackRepository, SuggestionEventRepository } from '../ports';
import { duplicateKeyOf, violates } from './pgErrors';
import { jsonb, storable } from './pool';

type RecordTable = 'feedback' | 'suggestion_events';

/** All or nothing: a batch repeating an id, or reusing a stored one, adds none (one statement). */
async function insertRecords<T extends { id: string; customerId: string | null; at: string }>(
  pool: Pool, table: RecordTable, what: string, records: T[],
): Promise<void> {
  const ids = new Set<string>();
  for (const record of records) {
    if (ids.has(record.id)) throw new InvalidRecordError(what, `the batch repeats id "${record.id}"`);
    ids.add(record.id);
  }
  if (!records.length) return;
  try {
    await pool.query(
      `INSERT INTO ${table} (id, customer_id, at, doc)
       SELECT d->>'id', d->>'customerId', (d->>'at')::timestamptz, d
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(d, n) ORDER BY n`, [jsonb(records)]);
  } catch (e) {
    if (violates(e, `${table}_id_key`)) throw new InvalidRecordError(what, `id "${duplicateKeyOf(e) ?? '?'}" is already stored`);
    throw e;
  }
}

async function docs<T>(pool: Pool, sql: string, params: unknown[] = []): Promise<T[]> {
  const { rows } = await pool.query<{ doc: T }>(sql, params);
  return rows.map((r) => r.doc);
}

export class PostgresFeedbackRepository implements FeedbackRepository {
  constructor(private readonly pool: Pool) {}

  add(feedback: Feedback): Promise<void> {
    return insertRecords(this.pool, 'feedback', 'feedback', [validRecord(FeedbackSchema, feedback, 'feedback')]);
  }

  list(): Promise<Feedback[]> {
    return docs(this.pool, 'SELECT doc FROM feedback ORDER BY seq');
  }

  forCustomer(customerId: string): Promise<Feedback[]> {
    return docs(this.pool, 'SELECT doc FROM feedback WHERE customer_id = $1 ORDER BY seq', [storable(customerId)]);
  }

  /** Erasure: the scores stay, detached; the free-text comment (it may name the customer) goes with the link. */
  async unlinkCustomer(customerId: string): Promise<number> {
    const result = await this.pool.query(
      `UPDATE feedback SET customer_id = NULL, doc = doc || '{"customerId": null, "comment": null}'::jsonb
       WHERE customer_id = $1`, [storable(customerId)]);
    return result.rowCount ?? 0;
  }
}

export class PostgresSuggestionEventRepository implements SuggestionEventRepository {
  constructor(private readonly pool: Pool) {}

  add(events: SuggestionEvent[]): Promise<void> {
    const valid = events.map((e) => validRecord(SuggestionEventSchema, e, 'suggestion event'));
    return insertRecords(this.pool, 'suggestion_events', 'suggestion event', valid);
  }

  list(): Promise<SuggestionEvent[]> {
    return docs(this.pool, 'SELECT doc FROM suggestion_events ORDER BY seq');
  }

  forCustomer(customerId: string): Promise<SuggestionEvent[]> {
    return docs(this.pool, 'SELECT doc FROM suggestion_events WHERE customer_id = $1 ORDER BY seq', [storable(customerId)]);
  }

  async unlinkCustomer(customerId: string): Promise<number> {
    const result = await this.pool.query(
      `UPDATE suggestion_events SET customer_id = NULL, doc = doc || '{"customerId": null}'::jsonb
       WHERE customer_id = $1`, [storable(customerId)]);
    return result.rowCount ?? 0;
  }
}

/** Append-only, in the order written. */
export class PostgresAuditRepository implements AuditRepository {
  constructor(private readonly pool: Pool) {}

  async add(entry: AuditEntry): Promise<void> {
    const valid = validRecord(AuditEntrySchema, entry, 'audit entry');
    try {
      await this.pool.query('INSERT INTO audit (id, subject, at, doc) VALUES ($1, $2, $3, $4)',
        [storable(valid.id), storable(valid.subject), valid.at, jsonb(valid)]);
    } catch (e) {
      if (violates(e, 'audit_id_key')) throw new InvalidRecordError('audit entry', `id "${valid.id}" is already stored`);
      throw e;
    }
  }

  list(): Promise<AuditEntry[]> {
    return docs(this.pool, 'SELECT doc FROM audit ORDER BY seq');
  }

  /** Erasure: entries about the subject keep their action, actor and time; whom they were about and their details go. */
  async redactSubject(subject: string): Promise<number> {
    if (subject === ERASED_SUBJECT) return 0;
    const result = await this.pool.query(
      `UPDATE audit SET subject = $2, doc = doc || jsonb_build_object('subject', $2::text, 'details', '{}'::jsonb)
       WHERE subject = $1`, [storable(subject), ERASED_SUBJECT]);
    return result.rowCount ?? 0;
  }
}
