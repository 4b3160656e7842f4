/** The queue of conversations handed to a person. */
import { randomUUID } from 'node:crypto';
import type { SegmentSnapshot } from '../../domain/model';
import type { ConsoleDb } from './consoleStore';
import type { Handoff } from './schema';

export class HandoffStore {
  constructor(private readonly db: ConsoleDb) {}

  async open(request: { conversationId: string; customerId: string | null; reason: string; segment: SegmentSnapshot | null; at: string }): Promise<Handoff> {
    const handoff: Handoff = {
      id: randomUUID(), conversationId: request.conversationId, customerId: request.customerId,
      reason: request.reason, segment: request.segment, status: 'open', requestedAt: request.at,
      claimedBy: null, closedAt: null,
    };
    this.db.data.handoffs.push(handoff);
    await this.db.save();
    return handoff;
  }

  list(): readonly Handoff[] {
    return this.db.data.handoffs;
  }

  async claim(id: string, staffId: string): Promise<Handoff | undefined> {
    const handoff = this.db.data.handoffs.find((h) => h.id === id);
    if (!handoff || handoff.status === 'closed') return undefined;
    handoff.status = 'claimed';
    handoff.claimedBy = staffId;
    await this.db.save();
    return handoff;
  }

  async close(id: string, at: string): Promise<Handoff | undefined> {
    const handoff = this.db.data.handoffs.find((h) => h.id === id);
    if (!handoff) return undefined;
    handoff.status = 'closed';
    handoff.closedAt = at;
    await this.db.save();
    return handoff;
  }

  /** Part of erasure; the caller saves. */
  dropCustomer(customerId: string): void {
    const keep = this.db.data.handoffs.filter((h) => h.customerId !== customerId);
    this.db.data.handoffs.splice(0, this.db.data.handoffs.length, ...keep);
  }
}
