/** The conversation list, one transcript with its segment context, staff tags, notes and review marks. */
import type { Server } from 'restify';
import { z } from 'zod';
import type { ConversationRecord, StaffAccount } from '../data/console/schema';
import type { ReviewContext } from './deps';
import { ConversationListQuerySchema, filterConversations, summarize } from './conversationQuery';
import { toCsv } from './csv';
import { HttpError } from '../http/errors';
import { handle, parseOr400, queryOf, sendJson, parseBody } from '../http/json';
import { customerView } from './masking';
import { redact } from '../domain/redact';
import { loadReviewFacts, type ReviewFacts } from './reviewFacts';

const IdParams = z.object({ id: z.string().min(1).max(300) });
const TagsBody = z.object({ tags: z.array(z.string().trim().min(1).max(40)).max(20) });
const NoteBody = z.object({ text: z.string().trim().min(1, 'the note is empty').max(2000) });
const ReviewedBody = z.object({ reviewed: z.boolean() });

export function registerConversationRoutes(server: Server, ctx: ReviewContext): void {
  const { deps } = ctx;
  const { logger } = deps;

  server.get('/api/review/conversations', handle(logger, async (req, res) => {
    const staff = await ctx.sessions.require(req);
    const query = parseOr400(ConversationListQuerySchema, queryOf(req));
    const facts = await loadReviewFacts(deps);
    const all = filterConversations(facts, query);
    const start = (query.page - 1) * query.pageSize;
    sendJson(res, 200, {
      total: all.length, page: query.page, pageSize: query.pageSize,
      items: all.slice(start, start + query.pageSize).map((c) => summarize(c, facts, staff.role)),
    });
  }));

  server.get('/api/review/export/conversations.csv', handle(logger, async (req, res) => {
    const staff = await ctx.sessions.require(req);
    const query = parseOr400(ConversationListQuerySchema, queryOf(req));
    const facts = await loadReviewFacts(deps);
    const rows = filterConversations(facts, query).map((c) => summarize(c, facts, staff.role));
    const headers = ['id', 'channelId', 'customerId', 'customerName', 'segment', 'persona', 'startedAt', 'lastActivityAt',
      'messages', 'csat', 'nps', 'optedOut', 'handoff', 'reviewed', 'tags', 'preview'] as const;
    const csv = toCsv([...headers], rows.map((r) => headers.map((h) => (h === 'tags' ? r.tags.join('; ') : r[h]))));
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-store',
      'content-disposition': 'attachment; filename="conversations.csv"',
    });
    res.end(csv);
  }));

  server.get('/api/review/segments', handle(logger, async (req, res) => {
    await ctx.sessions.require(req);
    const facts = await loadReviewFacts(deps);
    const names = new Set<string>(['guest']);
    for (const c of facts.conversations) if (c.segment) names.add(c.segment.primary);
    sendJson(res, 200, { items: [...names].sort() });
  }));

  server.get('/api/review/conversations/:id', handle(logger, async (req, res) => {
    const staff = await ctx.sessions.require(req);
    const conversation = await findConversation(ctx, req.params);
    const facts = await loadReviewFacts(deps);
    await ctx.audit({
      action: 'staff_access', subject: conversation.customerId ?? `conversation:${conversation.id}`, actor: staff.id,
      details: { conversationId: conversation.id, role: staff.role },
    });
    const names = await productNames(deps, [
      ...conversation.entries.flatMap((e) => e.reasons.map((r) => r.productId)),
      ...facts.events.filter((e) => e.conversationId === conversation.id).map((e) => e.productId),
    ]);
    sendJson(res, 200, detail(conversation, facts, staff, ctx, names));
  }));

  server.put('/api/review/conversations/:id/tags', handle(logger, async (req, res) => {
    await ctx.sessions.require(req);
    const { id } = await findConversation(ctx, req.params);
    const { tags } = parseBody(req, TagsBody);
    const updated = await deps.consoleData.transcripts.setTags(id, tags.map(redact));
    sendJson(res, 200, { tags: updated?.tags ?? [] });
  }));

  server.post('/api/review/conversations/:id/notes', handle(logger, async (req, res) => {
    const staff = await ctx.sessions.require(req);
    const { id } = await findConversation(ctx, req.params);
    const { text } = parseBody(req, NoteBody);
    const note = { at: ctx.now().toISOString(), author: staff.email, text: redact(text) };
    await deps.consoleData.transcripts.addNote(id, note);
    sendJson(res, 201, note);
  }));

  server.post('/api/review/conversations/:id/reviewed', handle(logger, async (req, res) => {
    const staff = await ctx.sessions.require(req);
    const { id } = await findConversation(ctx, req.params);
    const { reviewed } = parseBody(req, ReviewedBody);
    const updated = await deps.consoleData.transcripts.setReviewed(id, staff.id, reviewed, ctx.now().toISOString());
    sendJson(res, 200, { reviewedAt: updated?.reviewedAt ?? null });
  }));
}

async function findConversation(ctx: ReviewContext, params: unknown): Promise<ConversationRecord> {
  const { id } = parseOr400(IdParams, params);
  const conversation = await ctx.deps.consoleData.transcripts.get(id);
  if (!conversation) throw new HttpError(404, 'No conversation with that id.');
  return conversation;
}

/** The transcript with what was known about the customer's segment during the conversation. */
/** Names of the products a transcript mentions; an id the catalogue no longer knows stays unnamed. */
async function productNames(deps: ReviewContext['deps'], ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const products = await Promise.all(unique.map((id) => deps.catalog?.get(id)));
  return new Map(products.flatMap((p) => (p ? [[p.id, p.name] as const] : [])));
}

function detail(c: ConversationRecord, facts: ReviewFacts, staff: StaffAccount, ctx: ReviewContext, names: Map<string, string>): Record<string, unknown> {
  const customer = c.customerId ? facts.customers.get(c.customerId) : undefined;
  const segments: { at: string; primary: string; rfmLabel: string; persona: string }[] = [];
  for (const e of c.entries) {
    const last = segments[segments.length - 1];
    if (e.segment && (!last || last.primary !== e.segment.primary || last.persona !== e.segment.persona)) {
      segments.push({ at: e.at, ...e.segment });
    }
  }
  return {
    conversation: {
      ...c,
      // Every role sees who wrote a note: admins by email, others by the name part of it (they see no addresses).
      notes: c.notes.map((n) => ({ ...n, author: staff.role === 'admin' ? n.author : n.author.split('@')[0] })),
      entries: c.entries.map((e) => ({ ...e, reasons: e.reasons.map((r) => ({ ...r, productName: names.get(r.productId) ?? null })) })),
    },
    customer: customer ? customerView(customer, staff.role) : null,
    segmentContext: {
      atTheTime: c.segment,
      persona: c.segment ? ctx.deps.describePersona?.(c.segment.persona) ?? null : null,
      changes: segments,
    },
    feedback: (facts.feedbackByConversation.get(c.id) ?? []).map((f) => ({ csat: f.csat, nps: f.nps, comment: f.comment ? redact(f.comment) : null, at: f.at })),
    suggestions: facts.events.filter((e) => e.conversationId === c.id)
      .map((e) => ({ productId: e.productId, productName: names.get(e.productId) ?? null, kind: e.kind, reason: e.reason, at: e.at })),
    handoffs: facts.handoffs.filter((h) => h.conversationId === c.id),
  };
}
