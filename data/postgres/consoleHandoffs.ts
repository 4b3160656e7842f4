/** PostgreSQL: the handoff queue. A claim locks its row, so two agents on two instances cannot both take one. */
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { validRecord } from '../records';
import type { ClaimResult, HandoffRepository, HandoffRequest } from '../consolePorts';
import { HandoffSchema, type Handoff } from '../console/schema';
import { inTransaction, jsonb, storable } from './pool';

export class PostgresHandoffRepository implements HandoffRepository {
  constructor(private readonly pool: Pool) {}

  async open(request: HandoffRequest): Promise<Handoff> {
    const handoff = validRecord(HandoffSchema, {
      id: randomUUID(), conversationId: request.conversationId, customerId: request.customerId,
      reason: request.reason, earlierWords: request.earlierWords ?? [], segment: request.segment, status: 'open', requestedAt: request.at,
      claimedBy: null, claimedAt: null, closedAt: null, outcome: null, mode: request.mode ?? 'live', callbackEmail: null, reference: null,
    }, 'handoff');
    await this.pool.query(
      'INSERT INTO handoffs (id, conversation_id, customer_id, status, requested_at, doc) VALUES ($1, $2, $3, $4, $5, $6::jsonb)',
      [handoff.id, storable(handoff.conversationId), handoff.customerId && storable(handoff.customerId), handoff.status, handoff.requestedAt, jsonb(handoff)]);
    return handoff;
  }

  async list(status?: Handoff['status']): Promise<Handoff[]> {
    const { rows } = status
      ? await this.pool.query<{ doc: Handoff }>('SELECT doc FROM handoffs WHERE status = $1 ORDER BY seq', [status])
      : await this.pool.query<{ doc: Handoff }>('SELECT doc FROM handoffs ORDER BY seq');
    return rows.map((r) => HandoffSchema.parse(r.doc));
  }

  get(id: string): Promise<Handoff | undefined> {
    return this.one('SELECT doc FROM handoffs WHERE id = $1', [storable(id)]);
  }

  activeFor(conversationId: string): Promise<Handoff | undefined> {
    return this.one(`SELECT doc FROM handoffs WHERE conversation_id = $1 AND status <> 'closed' ORDER BY seq DESC LIMIT 1`, [storable(conversationId)]);
  }

  latestFor(conversationId: string): Promise<Handoff | undefined> {
    return this.one('SELECT doc FROM handoffs WHERE conversation_id = $1 ORDER BY seq DESC LIMIT 1', [storable(conversationId)]);
  }

  claim(id: string, staffId: string, at: string): Promise<ClaimResult> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ doc: Handoff }>('SELECT doc FROM handoffs WHERE id = $1 FOR UPDATE', [storable(id)]);
      const handoff = rows[0] && HandoffSchema.parse(rows[0].doc);
      if (!handoff || handoff.status === 'closed') return { ok: false, why: 'not_found' };
      if (handoff.status === 'claimed' && handoff.claimedBy !== staffId) return { ok: false, why: 'held_by_other', holder: handoff.claimedBy ?? undefined };
      if (handoff.status === 'claimed') return { ok: true, handoff };
      const claimed = validRecord(HandoffSchema, { ...handoff, status: 'claimed', claimedBy: staffId, claimedAt: at }, 'handoff');
      await client.query(`UPDATE handoffs SET status = 'claimed', doc = $2::jsonb WHERE id = $1`, [handoff.id, jsonb(claimed)]);
      return { ok: true, handoff: claimed };
    });
  }

  close(id: string, at: string, outcome: NonNullable<Handoff['outcome']> = 'closed'): Promise<Handoff | undefined> {
    validRecord(HandoffSchema.shape.closedAt, at, 'handoff closing time');
    return this.update(id, `status = 'closed', doc = doc || jsonb_build_object('status', 'closed', 'closedAt', $2::text, 'outcome', $3::text)`, [at, outcome]);
  }

  setCallbackEmail(id: string, email: string): Promise<Handoff | undefined> {
    return this.update(id, `doc = doc || jsonb_build_object('callbackEmail', $2::text)`, [storable(email)]);
  }

  async setReference(id: string, reference: Record<string, unknown>): Promise<void> {
    await this.pool.query(
      `UPDATE handoffs SET doc = jsonb_set(doc, '{reference}', $2::jsonb) WHERE id = $1 AND doc->'reference' IS DISTINCT FROM $2::jsonb`,
      [storable(id), jsonb(reference)]);
  }

  private async update(id: string, set: string, params: unknown[]): Promise<Handoff | undefined> {
    const { rows } = await this.pool.query<{ doc: Handoff }>(`UPDATE handoffs SET ${set} WHERE id = $1 RETURNING doc`, [storable(id), ...params]);
    return rows[0] && HandoffSchema.parse(rows[0].doc);
  }

  private async one(sql: string, params: unknown[]): Promise<Handoff | undefined> {
    const { rows } = await this.pool.query<{ doc: Handoff }>(sql, params);
    return rows[0] && HandoffSchema.parse(rows[0].doc);
  }
}
