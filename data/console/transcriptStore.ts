/** lowdb: conversation transcripts with staff tags, notes and review marks; erasure and retention. */
import type { TranscriptRepository } from '../consolePorts';
import type { ConsoleDb } from './consoleStore';
import type { ConversationRecord, StaffNote, TranscriptEntry } from './schema';
import type { HandoffStore } from './handoffStore';

export class TranscriptStore implements TranscriptRepository {
  private readonly byId = new Map<string, ConversationRecord>();

  constructor(private readonly db: ConsoleDb, private readonly handoffs: HandoffStore) {
    for (const c of db.data.conversations) this.byId.set(c.id, c);
  }

  /** Appends entries (already redacted) and updates the conversation's latest customer and segment. */
  append(conversationId: string, channelId: string, entries: TranscriptEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    let record = this.byId.get(conversationId);
    if (!record) {
      record = {
        id: conversationId, channelId, customerId: null, segment: null,
        startedAt: entries[0].at, lastActivityAt: entries[0].at,
        entries: [], tags: [], notes: [], reviewedAt: null, reviewedBy: null,
      };
      this.byId.set(conversationId, record);
      this.db.data.conversations.push(record);
    }
    for (const entry of entries) {
      record.entries.push(entry);
      if (entry.customerId) record.customerId = entry.customerId;
      if (entry.segment) record.segment = entry.segment;
      if (entry.at > record.lastActivityAt) record.lastActivityAt = entry.at;
    }
    return this.db.saveConversation(record);
  }

  async get(conversationId: string): Promise<ConversationRecord | undefined> {
    return this.byId.get(conversationId);
  }

  async list(): Promise<ConversationRecord[]> {
    return [...this.db.data.conversations];
  }

  async setTags(conversationId: string, tags: string[]): Promise<ConversationRecord | undefined> {
    const record = this.byId.get(conversationId);
    if (!record) return undefined;
    record.tags = [...new Set(tags.map((t) => t.trim()).filter((t) => t.length > 0))];
    await this.db.saveConversation(record);
    return record;
  }

  async addNote(conversationId: string, note: StaffNote): Promise<ConversationRecord | undefined> {
    const record = this.byId.get(conversationId);
    if (!record) return undefined;
    record.notes.push(note);
    await this.db.saveConversation(record);
    return record;
  }

  async setReviewed(conversationId: string, staffId: string, reviewed: boolean, at: string): Promise<ConversationRecord | undefined> {
    const record = this.byId.get(conversationId);
    if (!record) return undefined;
    record.reviewedAt = reviewed ? at : null;
    record.reviewedBy = reviewed ? staffId : null;
    await this.db.saveConversation(record);
    return record;
  }

  async forCustomer(customerId: string): Promise<ConversationRecord[]> {
    return this.db.data.conversations.filter((c) => involves(c, customerId));
  }

  /** Erasure: drops every conversation the customer took part in, and their handoffs; the snapshot is rewritten. */
  async removeCustomer(customerId: string): Promise<number> {
    const removed = this.dropWhere((c) => involves(c, customerId));
    this.handoffs.dropWhere((h) => h.customerId === customerId);
    await this.db.save();
    return removed;
  }

  /** Retention; the snapshot is rewritten only when something went. */
  async pruneBefore(before: Date): Promise<number> {
    const cutoff = before.getTime();
    const removed = this.dropWhere((c) => Date.parse(c.lastActivityAt) < cutoff);
    const closed = this.handoffs.dropWhere((h) => h.status === 'closed' && Date.parse(h.requestedAt) < cutoff);
    if (removed || closed) await this.db.save();
    return removed;
  }

  private dropWhere(drop: (record: ConversationRecord) => boolean): number {
    const keep: ConversationRecord[] = [];
    let removed = 0;
    for (const c of this.db.data.conversations) {
      if (drop(c)) {
        this.byId.delete(c.id);
        this.db.dropConversation(c.id);
        removed += 1;
      } else {
        keep.push(c);
      }
    }
    this.db.data.conversations.splice(0, this.db.data.conversations.length, ...keep);
    return removed;
  }
}

function involves(conversation: ConversationRecord, customerId: string): boolean {
  return conversation.customerId === customerId || conversation.entries.some((e) => e.customerId === customerId);
}
