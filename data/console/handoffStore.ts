/** The queue of conversations handed to a person, and who holds each one. */
import { randomUUID } from 'node:crypto';
import type { SegmentSnapshot } from '../../domain/model';
import type { ConsoleDb } from './consoleStore';
import type { Handoff } from './schema';

export interface HandoffRequest {
  conversationId: string;
  customerId: string | null;
  reason: string;
  earlierWords?: string[];
  segment: SegmentSnapshot | null;
  at: string;
  mode?: Handoff['mode'];
}

/** Why a claim was refused: nothing to claim, or another agent holds it. */
export type ClaimResult = { ok: true; handoff: Handoff } | { ok: false; why: 'not_found' | 'held_by_other'; holder?: string };

export class HandoffStore {
  constructor(private readonly db: ConsoleDb) {}

  async open(request: HandoffRequest): Promise<Handoff> {
    const handoff: Handoff = {
      id: randomUUID(), conversationId: request.conversationId, customerId: request.customerId,
      reason: request.reason, earlierWords: request.earlierWords ?? [], segment: request.segment, status: 'open', requestedAt: request.at,
      claimedBy: null, claimedAt: null, closedAt: null, outcome: null, mode: request.mode ?? 'live', callbackEmail: null, reference: null,
    };
    this.db.data.handoffs.push(handoff);
    await this.db.save();
    return handoff;
  }

  list(): readonly Handoff[] {
    return this.db.data.handoffs;
  }

  get(id: string): Handoff | undefined {
    return this.db.data.handoffs.find((h) => h.id === id);
  }

  /** The conversation's latest handoff that is not closed (open or held), if any. */
  activeFor(conversationId: string): Handoff | undefined {
    const handoffs = this.db.data.handoffs;
    for (let i = handoffs.length - 1; i >= 0; i -= 1) {
      if (handoffs[i].conversationId === conversationId && handoffs[i].status !== 'closed') return handoffs[i];
    }
    return undefined;
  }

  /** Takes a handoff for an agent; taking one you already hold is fine, taking another agent's is not. */
  async claim(id: string, staffId: string, at: string): Promise<ClaimResult> {
    const handoff = this.get(id);
    if (!handoff || handoff.status === 'closed') return { ok: false, why: 'not_found' };
    if (handoff.status === 'claimed' && handoff.claimedBy !== staffId) return { ok: false, why: 'held_by_other', holder: handoff.claimedBy ?? undefined };
    if (handoff.status !== 'claimed') {
      handoff.status = 'claimed';
      handoff.claimedBy = staffId;
      handoff.claimedAt = at;
      await this.db.save();
    }
    return { ok: true, handoff };
  }

  async close(id: string, at: string, outcome: NonNullable<Handoff['outcome']> = 'closed'): Promise<Handoff | undefined> {
    const handoff = this.get(id);
    if (!handoff) return undefined;
    handoff.status = 'closed';
    handoff.closedAt = at;
    handoff.outcome = outcome;
    await this.db.save();
    return handoff;
  }

  async setCallbackEmail(id: string, email: string): Promise<Handoff | undefined> {
    const handoff = this.get(id);
    if (!handoff) return undefined;
    handoff.callbackEmail = email;
    await this.db.save();
    return handoff;
  }

  /** Keeps the channel's conversation reference on the handoff; written only when it changed. */
  async setReference(id: string, reference: Record<string, unknown>): Promise<void> {
    const handoff = this.get(id);
    if (!handoff || JSON.stringify(handoff.reference) === JSON.stringify(reference)) return;
    handoff.reference = reference;
    await this.db.save();
  }

  /** Part of erasure; the caller saves. */
  dropCustomer(customerId: string): void {
    const keep = this.db.data.handoffs.filter((h) => h.customerId !== customerId);
    this.db.data.handoffs.splice(0, this.db.data.handoffs.length, ...keep);
  }
}
