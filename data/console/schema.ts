/**
 * The console store's file shape: transcripts, staff accounts, sessions and handoffs. Kept apart from the
 * commerce store because transcripts change on every turn. Validated on load by DurableJsonFile.
 */
import { z } from 'zod';
import { SegmentSnapshotSchema } from '../../domain/model';

const isoDateTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO date-time');

/** A product card as the shopper saw it: enough to show the same card again after a reload. */
export const ShownProductSchema = z.object({
  productId: z.string(),
  name: z.string(),
  price: z.number(),
  currency: z.string(),
  /** Redacted before storage. */
  reason: z.string(),
  imageUrl: z.string().optional(),
  productUrl: z.string().optional(),
});
export type ShownProduct = z.infer<typeof ShownProductSchema>;

export const TranscriptEntrySchema = z.object({
  at: isoDateTime,
  direction: z.enum(['in', 'out']),
  type: z.string(),
  /** Redacted before storage. */
  text: z.string().nullable(),
  /** Titles and texts of cards the bot showed, redacted. */
  cards: z.array(z.string()),
  /** The product cards of an outgoing message, so a reloaded chat shows them again (absent in older entries). */
  products: z.array(ShownProductSchema).optional(),
  customerId: z.string().nullable(),
  segment: SegmentSnapshotSchema.nullable(),
  intent: z.string().nullable(),
  intentScore: z.number().nullable(),
  reasons: z.array(z.object({ productId: z.string(), reason: z.string() })),
  voice: z.boolean(),
  /** Set on messages a staff member typed in a live handoff (their staff id). */
  agentId: z.string().optional(),
});
export type TranscriptEntry = z.infer<typeof TranscriptEntrySchema>;

export const StaffNoteSchema = z.object({ at: isoDateTime, author: z.string(), text: z.string() });
export type StaffNote = z.infer<typeof StaffNoteSchema>;

export const ConversationRecordSchema = z.object({
  id: z.string().min(1),
  channelId: z.string(),
  /** The latest identified customer, or null for a guest conversation. */
  customerId: z.string().nullable(),
  /** The latest segment snapshot seen in the conversation. */
  segment: SegmentSnapshotSchema.nullable(),
  startedAt: isoDateTime,
  lastActivityAt: isoDateTime,
  entries: z.array(TranscriptEntrySchema),
  tags: z.array(z.string()),
  notes: z.array(StaffNoteSchema),
  reviewedAt: isoDateTime.nullable(),
  reviewedBy: z.string().nullable(),
});
export type ConversationRecord = z.infer<typeof ConversationRecordSchema>;

/** marketer: campaigns only (no transcripts, handoffs or accounts). */
export const StaffRoleSchema = z.enum(['agent', 'admin', 'marketer']);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

export const StaffAccountSchema = z.object({
  id: z.string().min(1),
  email: z.string().min(3),
  role: StaffRoleSchema,
  /** scrypt$N$r$p$salt$hash (base64 parts). */
  passwordHash: z.string(),
  disabled: z.boolean(),
  createdAt: isoDateTime,
});
export type StaffAccount = z.infer<typeof StaffAccountSchema>;

export const StaffSessionSchema = z.object({
  /** SHA-256 of the cookie token: a stolen file does not yield live sessions. */
  tokenHash: z.string(),
  staffId: z.string(),
  createdAt: isoDateTime,
  expiresAt: isoDateTime,
});
export type StaffSession = z.infer<typeof StaffSessionSchema>;

export const HandoffSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  customerId: z.string().nullable(),
  /** The shopper's own words that led to the handoff, redacted. */
  reason: z.string(),
  /** What the shopper wrote just before (redacted, newest last), so staff know what it is about. */
  earlierWords: z.array(z.string()).default([]),
  segment: SegmentSnapshotSchema.nullable(),
  status: z.enum(['open', 'claimed', 'closed']),
  requestedAt: isoDateTime,
  /** The staff id of the agent holding the conversation; the bot stays silent while it is held. */
  claimedBy: z.string().nullable(),
  claimedAt: isoDateTime.nullable().default(null),
  closedAt: isoDateTime.nullable(),
  /** 'handed_back': the agent returned the shopper to the bot; 'closed': staff ended it; 'withdrawn': the shopper cancelled while waiting. */
  outcome: z.enum(['handed_back', 'closed', 'withdrawn']).nullable().default(null),
  /** 'callback' when it came outside staffed hours: the shopper leaves an email instead of waiting. */
  mode: z.enum(['live', 'callback']).default('live'),
  /** The email the shopper left for a call-back (they gave it for that purpose; dropped on erasure). */
  callbackEmail: z.string().nullable().default(null),
  /** The Bot Framework conversation reference of a real channel, so an agent can still reach the shopper after a restart. */
  reference: z.record(z.string(), z.unknown()).nullable().default(null),
});
export type Handoff = z.infer<typeof HandoffSchema>;

export const ConsoleDataSchema = z.object({
  conversations: z.array(ConversationRecordSchema),
  staff: z.array(StaffAccountSchema),
  sessions: z.array(StaffSessionSchema),
  handoffs: z.array(HandoffSchema),
});
export type ConsoleData = z.infer<typeof ConsoleDataSchema>;

export function emptyConsoleData(): ConsoleData {
  return { conversations: [], staff: [], sessions: [], handoffs: [] };
}
