/** The conversation list's filters: validated query parameters, and the filter itself (pure). */
import { z } from 'zod';
import type { ConversationRecord, StaffRole } from '../data/console/schema';
import { dayRange, DayParam, inRange } from './dateRange';
import { displayNameFor } from './masking';
import { isOptedOut, segmentOf, type ReviewFacts } from './reviewFacts';

const BoolParam = z.enum(['true', 'false'], { message: 'use true or false' }).transform((v) => v === 'true');
const score = (min: number, max: number) => z.coerce.number().int().min(min).max(max).optional();

export const ConversationFilterSchema = z.object({
  segment: z.string().trim().min(1).max(64).optional(),
  from: DayParam.optional(),
  to: DayParam.optional(),
  channel: z.string().trim().min(1).max(64).optional(),
  csatMin: score(1, 5), csatMax: score(1, 5),
  npsMin: score(0, 10), npsMax: score(0, 10),
  optedOut: BoolParam.optional(),
  handoff: BoolParam.optional(),
  reviewed: BoolParam.optional(),
  q: z.string().trim().min(1).max(200).optional(),
}).strict();

const ordered = (lo: number | undefined, hi: number | undefined) => lo === undefined || hi === undefined || lo <= hi;

export const ConversationListQuerySchema = ConversationFilterSchema.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
}).strict()
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'from must not be after to', path: ['from'] })
  .refine((f) => ordered(f.csatMin, f.csatMax), { message: 'csatMin must not exceed csatMax', path: ['csatMin'] })
  .refine((f) => ordered(f.npsMin, f.npsMax), { message: 'npsMin must not exceed npsMax', path: ['npsMin'] });
export type ConversationListQuery = z.infer<typeof ConversationListQuerySchema>;

function within(value: number | null, min: number | undefined, max: number | undefined): boolean {
  return value !== null && (min === undefined || value >= min) && (max === undefined || value <= max);
}

export function filterConversations(facts: ReviewFacts, f: ConversationListQuery): ConversationRecord[] {
  const range = dayRange(f.from, f.to);
  const needle = f.q?.toLowerCase();
  const hasCsat = f.csatMin !== undefined || f.csatMax !== undefined;
  const hasNps = f.npsMin !== undefined || f.npsMax !== undefined;
  return facts.conversations.filter((c) => {
    if (f.segment && segmentOf(c.segment) !== f.segment) return false;
    if ((f.from || f.to) && !inRange(c.startedAt, range)) return false;
    if (f.channel && c.channelId !== f.channel) return false;
    const feedback = facts.feedbackByConversation.get(c.id) ?? [];
    if (hasCsat && !feedback.some((x) => within(x.csat, f.csatMin, f.csatMax))) return false;
    if (hasNps && !feedback.some((x) => within(x.nps, f.npsMin, f.npsMax))) return false;
    const customer = c.customerId ? facts.customers.get(c.customerId) : undefined;
    if (f.optedOut !== undefined && isOptedOut(customer) !== f.optedOut) return false;
    if (f.handoff !== undefined && facts.handoffConversations.has(c.id) !== f.handoff) return false;
    if (f.reviewed !== undefined && (c.reviewedAt !== null) !== f.reviewed) return false;
    if (needle && !mentions(c, needle)) return false;
    return true;
  }).sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt));
}

function mentions(c: ConversationRecord, needle: string): boolean {
  return c.entries.some((e) => e.text?.toLowerCase().includes(needle) || e.cards.some((card) => card.toLowerCase().includes(needle)))
    || c.tags.some((t) => t.toLowerCase().includes(needle))
    || c.notes.some((n) => n.text.toLowerCase().includes(needle));
}

export interface ConversationSummary {
  id: string;
  channelId: string;
  customerId: string | null;
  customerName: string | null;
  segment: string;
  persona: string | null;
  startedAt: string;
  lastActivityAt: string;
  messages: number;
  preview: string | null;
  csat: number | null;
  nps: number | null;
  optedOut: boolean;
  handoff: boolean;
  reviewed: boolean;
  /** Some of the shopper's turns came by voice (Direct Line Speech or the chat page's microphone). */
  voice: boolean;
  tags: string[];
}

export function summarize(c: ConversationRecord, facts: ReviewFacts, role: StaffRole): ConversationSummary {
  const customer = c.customerId ? facts.customers.get(c.customerId) : undefined;
  const feedback = facts.feedbackByConversation.get(c.id) ?? [];
  const latest = feedback[feedback.length - 1];
  return {
    id: c.id, channelId: c.channelId, customerId: c.customerId,
    customerName: displayNameFor(customer, role),
    segment: segmentOf(c.segment), persona: c.segment?.persona ?? null,
    startedAt: c.startedAt, lastActivityAt: c.lastActivityAt,
    messages: c.entries.filter((e) => e.type === 'message').length,
    preview: c.entries.find((e) => e.direction === 'in' && e.text)?.text?.slice(0, 140) ?? null,
    csat: latest?.csat ?? null, nps: latest?.nps ?? null,
    optedOut: isOptedOut(customer), handoff: facts.handoffConversations.has(c.id),
    reviewed: c.reviewedAt !== null, voice: c.entries.some((e) => e.direction === 'in' && e.voice), tags: c.tags,
  };
}
