/**
 * Live handoff for staff: take a conversation from the queue, chat with the shopper, hand back to the bot or
 * close. While an agent holds a conversation the bot stays silent (bot/agentHold.ts). Messages reach the shopper
 * through a ShopperChannel (the chat page's event stream, or a proactive Bot Framework message); every one is
 * recorded in the transcript, redacted, with the agent's staff id.
 */
import type { Request, Server } from 'restify';
import { z } from 'zod';
import type { Handoff, StaffAccount, TranscriptEntry } from '../data/console/schema';
import type { ReviewContext } from './deps';
import { HttpError } from '../http/errors';
import { handle, parseOr400, queryOf, sendJson, parseBody } from '../http/json';
import { redact } from '../domain/redact';
import { queueItem } from './handoffs';

/** Delivers to the shopper; implemented by the bot layer. */
export interface ShopperChannel {
  deliver(conversationId: string, message: { text: string; from: { id: string; name: string } }): Promise<void>;
}

const HandoffIdParams = z.object({ id: z.string().uuid('unknown handoff id') });
const ConversationParams = z.object({ id: z.string().min(1).max(300) });
const MessageBody = z.object({ text: z.string().trim().min(1, 'the message is empty').max(2000, 'at most 2000 characters') });
const LiveQuery = z.object({ after: z.coerce.number().int().min(0).default(0) }).strict();
const BOT = { id: 'bot', name: 'Shopping assistant' };

/** "sam.jones@shop.test" -> "Sam": what the shopper sees of the agent, never the email. */
export function agentName(staff: StaffAccount): string {
  const first = staff.email.split('@')[0].split(/[._-]/)[0] ?? '';
  return first ? first[0].toUpperCase() + first.slice(1) : 'Our team';
}

export function registerLiveChatRoutes(server: Server, ctx: ReviewContext, channel: ShopperChannel | undefined): void {
  const { logger, consoleData: store } = ctx.deps;

  /** Records what the shopper was sent, then sends it; a delivery failure is logged, the record stays. */
  async function tell(conversationId: string, text: string, from: { id: string; name: string }, agentId?: string): Promise<void> {
    const record = await store.transcripts.get(conversationId);
    const entry: TranscriptEntry = {
      at: ctx.now().toISOString(), direction: 'out', type: 'message', text: redact(text), cards: [],
      customerId: record?.customerId ?? null, segment: record?.segment ?? null, intent: null, intentScore: null, reasons: [], voice: false,
      ...(agentId ? { agentId } : {}),
    };
    await store.transcripts.append(conversationId, record?.channelId ?? 'webchat', [entry]);
    try {
      await channel?.deliver(conversationId, { text, from });
    } catch (error) {
      logger.error('live chat delivery failed', { conversationId, error });
      throw new HttpError(502, 'The message was recorded but could not be delivered to the shopper.');
    }
  }

  async function take(handoff: Handoff, staff: StaffAccount): Promise<Handoff> {
    const wasHeld = handoff.status === 'claimed';
    const result = await store.handoffs.claim(handoff.id, staff.id, ctx.now().toISOString());
    if (!result.ok) {
      if (result.why === 'held_by_other') throw new HttpError(409, 'Another agent holds this conversation.');
      throw new HttpError(404, 'No open handoff with that id.');
    }
    if (!wasHeld) {
      await tell(handoff.conversationId, `${agentName(staff)} from our team has joined the chat.`, BOT);
      await ctx.audit({ action: 'staff_access', subject: handoff.customerId ?? `conversation:${handoff.conversationId}`, actor: staff.id, details: { handoffId: handoff.id, took: true } });
    }
    return result.handoff;
  }

  async function findHandoff(req: Request): Promise<Handoff> {
    const { id } = parseOr400(HandoffIdParams, req.params);
    const handoff = await store.handoffs.get(id);
    if (!handoff) throw new HttpError(404, 'No handoff with that id.');
    return handoff;
  }

  async function finish(req: Request, outcome: 'handed_back' | 'closed'): Promise<Handoff> {
    const staff = await ctx.sessions.require(req);
    const handoff = await findHandoff(req);
    if (handoff.status === 'closed') return handoff;
    if (handoff.status === 'claimed' && handoff.claimedBy !== staff.id) throw new HttpError(409, 'Another agent holds this conversation.');
    const wasHeld = handoff.status === 'claimed';
    const closed = await store.handoffs.close(handoff.id, ctx.now().toISOString(), outcome);
    if (wasHeld) {
      const name = agentName(staff);
      await tell(handoff.conversationId, outcome === 'handed_back'
        ? `${name} has left the chat. You're back with the shopping assistant: ask me anything.`
        : `${name} has closed this chat. Thank you for talking to us.`, BOT);
    }
    return closed ?? handoff;
  }

  server.post('/api/review/handoffs/:id/claim', handle(logger, async (req, res) => {
    const staff = await ctx.sessions.require(req);
    sendJson(res, 200, await queueItem(await take(await findHandoff(req), staff), ctx));
  }));

  server.post('/api/review/handoffs/:id/release', handle(logger, async (req, res) => {
    sendJson(res, 200, await queueItem(await finish(req, 'handed_back'), ctx));
  }));

  server.post('/api/review/handoffs/:id/close', handle(logger, async (req, res) => {
    sendJson(res, 200, await queueItem(await finish(req, 'closed'), ctx));
  }));

  server.post('/api/review/conversations/:id/messages', handle(logger, async (req, res) => {
    const staff = await ctx.sessions.require(req);
    const { id } = parseOr400(ConversationParams, req.params);
    const { text } = parseBody(req, MessageBody);
    const active = await store.handoffs.activeFor(id);
    if (!active) throw new HttpError(409, 'This conversation has no open handoff: the shopper has not asked for a person, or it was closed.');
    await take(active, staff);
    // The shopper sees the agent's first name only, never a staff id or email.
    await tell(id, text, { id: 'agent', name: agentName(staff) }, staff.id);
    sendJson(res, 201, { sent: true, at: ctx.now().toISOString() });
  }));

  // The agent's live view: transcript entries after `after`, and the conversation's handoff. Polled by the console.
  server.get('/api/review/conversations/:id/live', handle(logger, async (req, res) => {
    const staff = await ctx.sessions.require(req);
    const { id } = parseOr400(ConversationParams, req.params);
    const { after } = parseOr400(LiveQuery, queryOf(req));
    const record = await store.transcripts.get(id);
    const entries = record?.entries ?? [];
    const handoff = (await store.handoffs.activeFor(id)) ?? (await store.handoffs.latestFor(id));
    sendJson(res, 200, {
      next: entries.length,
      entries: entries.slice(after).map((e) => ({ at: e.at, direction: e.direction, type: e.type, text: e.text, cards: e.cards, byAgent: e.agentId !== undefined })),
      handoff: handoff ? { ...(await queueItem(handoff, ctx)), heldByYou: handoff.status === 'claimed' && handoff.claimedBy === staff.id } : null,
    });
  }));
}
