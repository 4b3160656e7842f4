/**
 * The domain model shared by every layer. Zod schemas are the single source of truth:
 * the store validates its file with them and the types below are inferred from them.
 * Nothing here imports botbuilder or a storage library.
 */
import { z } from 'zod';
import { orderTotal } from './limits';

const isoDateTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO date-time');

/** Links shown to shoppers: http(s) only, so a catalogue entry can never carry a script or data URL. */
const webUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2048);

export const ProductSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  category: z.string().min(1),
  subcategory: z.string().optional(),
  price: z.number().nonnegative(),
  currency: z.string().length(3),
  tags: z.array(z.string()),
  inStock: z.boolean(),
  /** First time the product was sold or listed: drives "new arrivals". */
  addedAt: isoDateTime.optional(),
  /** The shop's photo of the product; without one the bot serves a drawn placeholder. */
  imageUrl: webUrl.optional(),
  /** The product's page in the shop ("View product" on the card). */
  productUrl: webUrl.optional(),
});
export type Product = z.infer<typeof ProductSchema>;

export const ConsentSchema = z.object({
  marketing: z.boolean(),
  personalization: z.boolean(),
  updatedAt: isoDateTime,
});
export type Consent = z.infer<typeof ConsentSchema>;

export const PriceBandSchema = z.enum(['budget', 'mid', 'premium']);
export type PriceBand = z.infer<typeof PriceBandSchema>;

export const PreferencesSchema = z.object({
  categories: z.array(z.string()),
  priceBand: PriceBandSchema.optional(),
  /** Stated values and interests, e.g. "eco-friendly", "handmade". */
  values: z.array(z.string()),
});
export type Preferences = z.infer<typeof PreferencesSchema>;

export const ChannelIdentitySchema = z.object({ channelId: z.string(), userId: z.string() });

export const CustomerSchema = z.object({
  id: z.string().min(1),
  displayName: z.string(),
  email: z.string(),
  postcode: z.string(),
  country: z.string(),
  /** Optional demographics we may hold. Special categories (health, religion, ...) are never stored. */
  demographics: z.object({ ageBand: z.string().optional() }).optional(),
  preferences: PreferencesSchema,
  identities: z.array(ChannelIdentitySchema),
  consent: ConsentSchema,
  createdAt: isoDateTime,
  /** Business / wholesale buyer (the real data has many). */
  isBusiness: z.boolean().optional(),
  /** True for synthetic contact details generated for the demo store. */
  demo: z.boolean().optional(),
  /** Set when the customer's personal data was erased; the record stays only as an anonymous stub. */
  erasedAt: isoDateTime.optional(),
});
export type Customer = z.infer<typeof CustomerSchema>;

export const OrderLineSchema = z.object({
  productId: z.string(),
  quantity: z.number().positive(),
  unitPrice: z.number().nonnegative(),
});
export type OrderLine = z.infer<typeof OrderLineSchema>;

export const OrderSchema = z.object({
  id: z.string().min(1),
  customerId: z.string(),
  date: isoDateTime,
  lines: z.array(OrderLineSchema),
});
export type Order = z.infer<typeof OrderSchema>;

/**
 * An order about to be stored. Each number is finite (zod's z.number() refuses Infinity and NaN), but finite lines
 * can still overflow: 2 x 1.7e308 is Infinity. Stored files are read with OrderSchema alone, so a store that took such
 * an order before this check still opens; segmentation leaves that order out (see segmentation/aggregates.ts).
 */
export const StorableOrderSchema = OrderSchema.refine((order) => Number.isFinite(orderTotal(order.lines)), {
  path: ['lines'], message: 'the order total (quantity x unit price) must be a finite number',
});

export const RfmSchema = z.object({
  recencyDays: z.number(),
  frequency: z.number(),
  monetary: z.number(),
  r: z.number().int().min(0).max(5),
  f: z.number().int().min(0).max(5),
  m: z.number().int().min(0).max(5),
  /** champions, loyal_customers, ..., hibernating, or no_history. */
  label: z.string(),
});
export type Rfm = z.infer<typeof RfmSchema>;

export const SegmentAssignmentSchema = z.object({
  customerId: z.string(),
  rfm: RfmSchema,
  /** Names of the rule segments the customer is in. */
  rules: z.array(z.string()),
  /** The primary segment (highest-priority rule segment, else the RFM label). */
  primary: z.string(),
  cluster: z.number().int().optional(),
  persona: z.string(),
  computedAt: isoDateTime,
  history: z.array(z.object({ at: isoDateTime, primary: z.string(), rfmLabel: z.string() })),
});
export type SegmentAssignment = z.infer<typeof SegmentAssignmentSchema>;

/** What a conversation records about the segment at a moment (feedback, events, transcripts). */
export const SegmentSnapshotSchema = z.object({
  primary: z.string(),
  rfmLabel: z.string(),
  persona: z.string(),
});
export type SegmentSnapshot = z.infer<typeof SegmentSnapshotSchema>;

export const PersonaSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  tone: z.enum(['warm', 'upbeat', 'respectful', 'concise', 'grateful']),
  strategy: z.enum(['win_back', 'upsell_premium', 'welcome_bestsellers', 'reward_loyalty', 'nurture', 'value']),
});
export type Persona = z.infer<typeof PersonaSchema>;

export const FeedbackSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  customerId: z.string().nullable(),
  segment: SegmentSnapshotSchema.nullable(),
  csat: z.number().int().min(1).max(5).nullable(),
  nps: z.number().int().min(0).max(10).nullable(),
  comment: z.string().nullable(),
  /** Product ids of the suggestions this survey followed. */
  followsSuggestions: z.array(z.string()),
  at: isoDateTime,
});
export type Feedback = z.infer<typeof FeedbackSchema>;

export const SuggestionEventSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  customerId: z.string().nullable(),
  productId: z.string(),
  kind: z.enum(['shown', 'opened', 'dismissed']),
  reason: z.string(),
  segment: SegmentSnapshotSchema.nullable(),
  at: isoDateTime,
});
export type SuggestionEvent = z.infer<typeof SuggestionEventSchema>;

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: isoDateTime,
  action: z.enum([
    'consent_change', 'data_export', 'erasure', 'staff_access', 'staff_login', 'staff_account', 'identification_lock', 'handoff',
    'campaign_send',
  ]),
  /** Customer id or a pseudonym after erasure; never an email or a name. */
  subject: z.string(),
  actor: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/**
 * The subject of every audit entry about an erased customer, the erasure itself included: one value for all erased
 * customers, so no entry names the customer id or the pseudonym their orders carry, and none can be joined to them.
 */
export const ERASED_SUBJECT = 'erased-customer';
