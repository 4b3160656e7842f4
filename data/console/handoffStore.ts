/**
 * lowdb: the queue of conversations handed to a person, and who holds each one. Hands out copies (as PostgreSQL
 * does), so a handoff a caller holds does not change under it when the stored one does.
 */
import { randomUUID } from 'node:crypto';
import type { ConsoleDb } from './consoleStore';
import type { ClaimResult, HandoffRepository, HandoffRequest } from '../consolePorts';
import type { Handoff } from './schema';

export class HandoffStore implements HandoffRepository {
  constructor(private readonly db: ConsoleDb) {}

  async open(request: HandoffRequest): Promise<Handoff> {
    const handoff: Handoff = {
      id: randomUUID(), conversationId: request.conversationId, customerId: request.customerId,
      reason: request.reason, earlierWords: request.earlierWords ?? [], segment: request.segment, status: 'open', requestedAt: request.at,
      claimedBy: null, claimedAt: null, closedAt: null, outcome: null, mode: request.mode ?? 'live', callbackEmail: null, reference: null,
    };
    this.db.data.handoffs.push(handoff);
    await this.db.save();
    return { ...handoff };
  }

  async list(status?: Handoff['status']): Promise<Handoff[]> {
    return this.db.data.handoffs.filter((h) => status === undefined || h.status === status).map((h) => ({ ...h }));
  }

  async get(id: string): Promise<Handoff | undefined> {
    return copy(this.find(id));
  }

  async activeFor(conversationId: string): Promise<Handoff | undefined> {
    return copy(this.latest(conversationId, (h) => h.status !== 'closed'));
  }

  async latestFor(conversationId: string): Promise<Handoff | undefined> {
    return copy(this.latest(conversationId, () => true));
  }

  async claim(id: string, staffId: string, at: string): Promise<ClaimResult> {
    const handoff = this.find(id);
    if (!handoff || handoff.status === 'closed') return { ok: false, why: 'not_found' };
    if (handoff.status === 'claimed' && handoff.claimedBy !== staffId) return { ok: false, why: 'held_by_other', holder: handoff.claimedBy ?? undefined };
    if (handoff.status !== 'claimed') {
      handoff.status = 'claimed';
      handoff.claimedBy = staffId;
      handoff.claimedAt = at;
      await this.db.save();
    }
    return { ok: true, handoff: { ...handoff } };
  }

  async close(id: string, at: string, outcome: NonNullable<Handoff['outcome']> = 'closed'): Promise<Handoff | undefined> {
    const handoff = this.find(id);
    if (!handoff) return undefined;
    handoff.status = 'closed';
    handoff.closedAt = at;
    handoff.outcome = outcome;
    await this.db.save();
    return { ...handoff };
  }

  async setCallbackEmail(id: string, email: string): Promise<Handoff | undefined> {
    const handoff = this.find(id);
    if (!handoff) return undefined;
    handoff.callbackEmail = email;
    await this.db.save();
    return { ...handoff };
  }

  async setReference(id: string, reference: Record<string, unknown>): Promise<void> {
    const handoff = this.find(id);
    if (!handoff || JSON.stringify(handoff.reference) === JSON.stringify(reference)) return;
    handoff.reference = reference;
    await this.db.save();
  }

  /** Part of erasure and retention; the caller saves. */
  dropWhere(drop: (handoff: Handoff) => boolean): number {
    const keep = this.db.data.handoffs.filter((h) => !drop(h));
    const dropped = this.db.data.handoffs.length - keep.length;
    this.db.data.handoffs.splice(0, this.db.data.handoffs.length, ...keep);
    return dropped;
  }

  private find(id: string): Handoff | undefined {
    return this.db.data.handoffs.find((h) => h.id === id);
  }

  private latest(conversationId: string, accept: (handoff: Handoff) => boolean): Handoff | undefined {
    const handoffs = this.db.data.handoffs;
    for (let i = handoffs.length - 1; i >= 0; i -= 1) {
      if (handoffs[i].conversationId === conversationId && accept(handoffs[i])) return handoffs[i];
    }
    return undefined;
  }
}

function copy(handoff: Handoff | undefined): Handoff | undefined {
  return handoff && { ...handoff };
}
