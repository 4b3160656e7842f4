/** HandoffService for the dialogs, and the staff's handoff queue routes. */
import type { Server } from 'restify';
import { z } from 'zod';
import type { AuditRepository } from '../data/ports';
import type { HandoffStore } from '../data/console/handoffStore';
import type { TranscriptStore } from '../data/console/transcriptStore';
import type { HandoffService } from '../services/ports';
import type { ReviewContext } from './deps';
import { handle, HttpError, parseOr400, queryOf, sendJson } from './http';
import { redact } from './redact';
import { segmentOf } from './reviewFacts';
import { randomUUID } from 'node:crypto';

export class ConsoleHandoffService implements HandoffService {
  constructor(
    private readonly handoffs: HandoffStore,
    private readonly transcripts: TranscriptStore,
    private readonly audit: AuditRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async request(conversationId: string, customerId: string | null, reason: string): Promise<{ handoffId: string }> {
    const at = this.now().toISOString();
    const segment = this.transcripts.get(conversationId)?.segment ?? null;
    const handoff = await this.handoffs.open({ conversationId, customerId, reason: redact(reason).slice(0, 500), segment, at });
    await this.audit.add({
      id: randomUUID(), at, action: 'handoff', subject: customerId ?? `conversation:${conversationId}`, actor: 'bot',
      details: { handoffId: handoff.id, conversationId },
    });
    return { handoffId: handoff.id };
  }
}

const QueueQuerySchema = z.object({ status: z.enum(['open', 'claimed', 'closed', 'all']).default('open') }).strict();
const IdSchema = z.object({ id: z.string().uuid('unknown handoff id') });

export function registerHandoffRoutes(server: Server, ctx: ReviewContext): void {
  const { logger, console: store } = ctx.deps;

  server.get('/api/review/handoffs', handle(logger, async (req, res) => {
    ctx.sessions.require(req);
    const { status } = parseOr400(QueueQuerySchema, queryOf(req));
    const items = store.handoffs.list()
      .filter((h) => status === 'all' || h.status === status)
      .map((h) => ({ ...h, segment: segmentOf(h.segment), persona: h.segment?.persona ?? null }))
      .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
    sendJson(res, 200, { items });
  }));

  server.post('/api/review/handoffs/:id/claim', handle(logger, async (req, res) => {
    const staff = ctx.sessions.require(req);
    const { id } = parseOr400(IdSchema, req.params);
    const handoff = await store.handoffs.claim(id, staff.id);
    if (!handoff) throw new HttpError(404, 'No open handoff with that id.');
    sendJson(res, 200, handoff);
  }));

  server.post('/api/review/handoffs/:id/close', handle(logger, async (req, res) => {
    ctx.sessions.require(req);
    const { id } = parseOr400(IdSchema, req.params);
    const handoff = await store.handoffs.close(id, ctx.now().toISOString());
    if (!handoff) throw new HttpError(404, 'No handoff with that id.');
    sendJson(res, 200, handoff);
  }));
}
