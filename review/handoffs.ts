/** HandoffService for the dialogs, the staff's handoff queue, and the turns the bot did not understand. */
import type { Server } from 'restify';
import { z } from 'zod';
import type { AuditRepository } from '../data/ports';
import type { HandoffRepository, TranscriptRepository } from '../data/consolePorts';
import type { Handoff, TranscriptEntry } from '../data/console/schema';
import { HIDDEN_SIGN_IN_ANSWER } from '../domain/redact';
import type { HandoffService } from '../services/ports';
import type { ReviewContext } from './deps';
import { handle, parseOr400, queryOf, sendJson } from '../http/json';
import { redact } from '../domain/redact';
import { segmentOf } from './reviewFacts';
import { ALWAYS_STAFFED, type StaffHours } from './staffHours';
import { randomUUID } from 'node:crypto';

export class ConsoleHandoffService implements HandoffService {
  constructor(
    private readonly handoffs: HandoffRepository,
    private readonly transcripts: TranscriptRepository,
    private readonly audit: AuditRepository,
    private readonly now: () => Date = () => new Date(),
    private readonly hours: StaffHours = ALWAYS_STAFFED,
  ) {}

  async request(conversationId: string, customerId: string | null, reason: string): Promise<{ handoffId: string; offline?: { hours: string; timeZone: string } }> {
    const now = this.now();
    const at = now.toISOString();
    const staffed = this.hours.isStaffed(now);
    const record = await this.transcripts.get(conversationId);
    const handoff = await this.handoffs.open({
      conversationId, customerId, reason: redact(reason).slice(0, 500), earlierWords: earlierWords(record?.entries ?? []),
      segment: record?.segment ?? null, at, mode: staffed ? 'live' : 'callback',
    });
    await this.audit.add({
      id: randomUUID(), at, action: 'handoff', subject: customerId ?? `conversation:${conversationId}`, actor: 'bot',
      details: { handoffId: handoff.id, conversationId },
    });
    return staffed ? { handoffId: handoff.id } : { handoffId: handoff.id, offline: { hours: this.hours.description, timeZone: this.hours.timeZone } };
  }
}

const EARLIER_MESSAGES = 3;

/** The shopper's last few messages before this turn (already redacted in the transcript; sign-in answers stay hidden). */
function earlierWords(entries: readonly TranscriptEntry[]): string[] {
  return entries.filter((e) => e.direction === 'in' && e.type === 'message' && e.text && e.text !== HIDDEN_SIGN_IN_ANSWER)
    .slice(-EARLIER_MESSAGES).map((e) => (e.text as string).slice(0, 300));
}

const QueueQuerySchema = z.object({
  status: z.enum(['open', 'claimed', 'closed', 'all']).default('open'),
  tag: z.string().trim().max(40).optional(),
}).strict();
const UnrecognizedQuerySchema = z.object({ include: z.enum(['unreviewed', 'all']).default('unreviewed') }).strict();

/** What staff need to pick up a handoff: the shopper's words, segment, waiting time, who holds it, tags. */
export async function queueItem(h: Handoff, ctx: ReviewContext): Promise<Record<string, unknown>> {
  const [conversation, holder] = await Promise.all([
    ctx.deps.consoleData.transcripts.get(h.conversationId),
    h.claimedBy ? ctx.deps.consoleData.staff.get(h.claimedBy) : undefined,
  ]);
  const until = h.claimedAt ?? h.closedAt ?? ctx.now().toISOString();
  // The channel's conversation reference is plumbing (it holds the shopper's channel account), not for staff.
  const { reference: _plumbing, ...shown } = h;
  return {
    ...shown,
    segment: segmentOf(h.segment ?? conversation?.segment ?? null),
    persona: h.segment?.persona ?? null,
    waitingSeconds: Math.max(0, Math.round((Date.parse(until) - Date.parse(h.requestedAt)) / 1000)),
    holder: h.claimedBy ? holder?.email ?? 'a former staff member' : null,
    tags: conversation?.tags ?? [],
  };
}

export function registerHandoffRoutes(server: Server, ctx: ReviewContext): void {
  const { logger, consoleData: store } = ctx.deps;

  server.get('/api/review/handoffs', handle(logger, async (req, res) => {
    await ctx.sessions.require(req);
    const { status, tag } = parseOr400(QueueQuerySchema, queryOf(req));
    const handoffs = await store.handoffs.list(status === 'all' ? undefined : status);
    const items = (await Promise.all(handoffs.map((h) => queueItem(h, ctx))))
      .filter((h) => !tag || (h.tags as string[]).some((t) => t.toLowerCase() === tag.toLowerCase()))
      .sort((a, b) => String(a.requestedAt).localeCompare(String(b.requestedAt)));
    sendJson(res, 200, { items });
  }));

  server.get('/api/review/handoff-tags', handle(logger, async (req, res) => {
    await ctx.sessions.require(req);
    const tags = new Set<string>();
    const conversationIds = new Set((await store.handoffs.list()).map((h) => h.conversationId));
    const conversations = await Promise.all([...conversationIds].map((id) => store.transcripts.get(id)));
    for (const conversation of conversations) for (const t of conversation?.tags ?? []) tags.add(t);
    sendJson(res, 200, { items: [...tags].sort() });
  }));

  // Turns the bot did not understand (intent "none"), newest first; reviewing the conversation clears them.
  server.get('/api/review/unrecognized', handle(logger, async (req, res) => {
    await ctx.sessions.require(req);
    const { include } = parseOr400(UnrecognizedQuerySchema, queryOf(req));
    const items: Record<string, unknown>[] = [];
    for (const c of await store.transcripts.list()) {
      if (include === 'unreviewed' && c.reviewedAt) continue;
      for (const e of c.entries) {
        if (e.direction === 'in' && e.intent === 'none' && e.text) {
          items.push({ conversationId: c.id, at: e.at, text: e.text, segment: segmentOf(e.segment ?? c.segment), reviewed: c.reviewedAt !== null });
        }
      }
    }
    items.sort((a, b) => String(b.at).localeCompare(String(a.at)));
    sendJson(res, 200, { total: items.length, items: items.slice(0, 500) });
  }));
}
