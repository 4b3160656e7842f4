/**
 * Campaigns to a segment: the stored shapes (zod, the source of the types) and the two ports the campaign
 * service and the bot's delivery use. lowdb (data/lowdb/campaignStore.ts) and PostgreSQL
 * (data/postgres/campaignStore.ts) implement both; test/data/campaignStore.contract.test.ts holds them to one contract.
 */
import { z } from 'zod';

const isoDateTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO date-time');
const names = z.array(z.string().trim().min(1).max(80)).max(30);
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour clock)');

/** AND across kinds, OR within a kind; an empty kind does not filter. At least one kind must be given. */
export const AudienceSchema = z.object({
  rfmLabels: names.default([]),
  ruleSegments: names.default([]),
  personas: names.default([]),
  clusters: z.array(z.number().int().min(0).max(1000)).max(50).default([]),
}).strict().refine((a) => a.rfmLabels.length + a.ruleSegments.length + a.personas.length + a.clusters.length > 0, {
  message: 'choose at least one RFM label, rule segment, persona or cluster',
});
export type Audience = z.infer<typeof AudienceSchema>;

/** Which picks go with the message: none, the customer's persona strategy, win-back picks, or bestsellers. */
export const CampaignStrategySchema = z.enum(['none', 'persona', 'win_back', 'bestsellers']);
export type CampaignStrategy = z.infer<typeof CampaignStrategySchema>;

export const QuietHoursSchema = z.object({ start: clockTime, end: clockTime, timeZone: z.string().min(1) });
export type QuietHours = z.infer<typeof QuietHoursSchema>;

export const FrequencyCapSchema = z.object({
  /** At most this many campaign messages (all campaigns together) per customer ... */
  maxMessages: z.number().int().min(1).max(50),
  /** ... in any window of this many days. */
  perDays: z.number().int().min(1).max(90),
});
export type FrequencyCap = z.infer<typeof FrequencyCapSchema>;

/** draft: created, checked with a preview and a dry run, not yet started; scheduled: started, waiting for startAt. */
export const CampaignStatusSchema = z.enum(['draft', 'scheduled', 'running', 'paused', 'completed']);
export type CampaignStatus = z.infer<typeof CampaignStatusSchema>;

export const CampaignSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  audience: AudienceSchema,
  message: z.string().min(1),
  strategy: CampaignStrategySchema,
  startAt: isoDateTime,
  frequencyCap: FrequencyCapSchema,
  quietHours: QuietHoursSchema.nullable(),
  status: CampaignStatusSchema,
  /** Staff id of the creator. */
  createdBy: z.string(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Campaign = z.infer<typeof CampaignSchema>;

/**
 * One per campaign and customer: what happened to the campaign's message for them. `queued` waits for the
 * customer's next visit to the chat page; `skipped` carries the reason (no consent, frequency cap, erased).
 */
export const DeliveryOutcomeSchema = z.enum(['sent', 'queued', 'shown', 'skipped']);
export type DeliveryOutcome = z.infer<typeof DeliveryOutcomeSchema>;

export const CampaignDeliverySchema = z.object({
  campaignId: z.string().min(1),
  customerId: z.string().min(1),
  outcome: DeliveryOutcomeSchema,
  reason: z.string().nullable(),
  /** Where the message went (sent / shown): the conversation a "stop" reply will come from. */
  conversationId: z.string().nullable(),
  at: isoDateTime,
});
export type CampaignDelivery = z.infer<typeof CampaignDeliverySchema>;

/** What a proactive message needs (Bot Framework conversation reference, reduced to plain data). */
export const StoredReferenceSchema = z.object({
  customerId: z.string().min(1),
  channelId: z.string().min(1),
  serviceUrl: z.string().min(1),
  conversationId: z.string().min(1),
  userId: z.string().min(1),
  botId: z.string(),
  botName: z.string(),
  updatedAt: isoDateTime,
});
export type StoredReference = z.infer<typeof StoredReferenceSchema>;

export interface CampaignRepository {
  /** Adds the campaign or replaces the one with its id. */
  put(campaign: Campaign): Promise<void>;
  get(id: string): Promise<Campaign | undefined>;
  /** Newest first. */
  list(): Promise<Campaign[]>;
  /** Adds the delivery or replaces the one of the same campaign and customer. */
  putDelivery(delivery: CampaignDelivery): Promise<void>;
  deliveriesOf(campaignId: string): Promise<CampaignDelivery[]>;
  deliveriesFor(customerId: string): Promise<CampaignDelivery[]>;
  /** The latest sent or shown delivery into a conversation (a "stop" reply there refers to it). */
  lastDeliveredIn(conversationId: string): Promise<CampaignDelivery | undefined>;
  /** Erasure: the customer's deliveries go. Returns how many. */
  removeCustomer(customerId: string): Promise<number>;
}

export interface ConversationReferenceRepository {
  /** Keeps one reference per customer and channel: the latest wins. */
  put(reference: StoredReference): Promise<void>;
  forCustomer(customerId: string): Promise<StoredReference[]>;
  /** Erasure. Returns how many went. */
  removeCustomer(customerId: string): Promise<number>;
}

export interface CampaignStores {
  campaigns: CampaignRepository;
  references: ConversationReferenceRepository;
  /** Runs `work` unless another instance is running it now (then resolves undefined without running it). */
  runAlone<T>(work: () => Promise<T>): Promise<T | undefined>;
  close(): Promise<void>;
}
