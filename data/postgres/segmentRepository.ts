import type { Pool } from 'pg';
import { SegmentAssignmentSchema, type SegmentAssignment } from '../../domain/model';
import { validRecord } from '../records';
import type { SegmentRepository } from '../ports';
import { jsonb, storable } from './pool';

export class PostgresSegmentRepository implements SegmentRepository {
  constructor(private readonly pool: Pool) {}

  async get(customerId: string): Promise<SegmentAssignment | undefined> {
    const { rows } = await this.pool.query<{ doc: SegmentAssignment }>('SELECT doc FROM segments WHERE customer_id = $1', [storable(customerId)]);
    return rows[0]?.doc;
  }

  async list(): Promise<SegmentAssignment[]> {
    const { rows } = await this.pool.query<{ doc: SegmentAssignment }>('SELECT doc FROM segments ORDER BY customer_id');
    return rows.map((r) => r.doc);
  }

  /** All or nothing: every assignment is validated before one statement stores them all. */
  async putMany(assignments: SegmentAssignment[]): Promise<void> {
    const valid = assignments.map((a) => validRecord(SegmentAssignmentSchema, a, 'segment assignment'));
    if (!valid.length) return;
    await this.pool.query(UPSERT_SEGMENTS, [jsonb(valid)]);
  }

  async remove(customerId: string): Promise<void> {
    await this.pool.query('DELETE FROM segments WHERE customer_id = $1', [storable(customerId)]);
  }
}

export const UPSERT_SEGMENTS = `
  INSERT INTO segments (customer_id, doc)
  SELECT DISTINCT ON (d->>'customerId') d->>'customerId', d
  FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(d, n) ORDER BY d->>'customerId', n DESC
  ON CONFLICT (customer_id) DO UPDATE SET doc = EXCLUDED.doc, updated_at = now()`;
