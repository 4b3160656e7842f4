/** The shape of a new campaign as staff send it (validated at the API edge), and the campaign settings. */
import { z } from 'zod';
import { AudienceSchema, CampaignStrategySchema } from '../../data/campaignPorts';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour clock)');

export const NewCampaignSchema = z.object({
  name: z.string().trim().min(1, 'a name is needed').max(120),
  audience: AudienceSchema,
  message: z.string().trim().min(1, 'a message is needed').max(600, 'the message may have at most 600 characters'),
  strategy: CampaignStrategySchema.default('none'),
  /** When to start sending; unset = as soon as it is started. */
  startAt: z.iso.datetime({ offset: true, error: 'expected an ISO date-time such as 2026-12-24T09:00:00Z' }).optional(),
  frequencyCap: z.object({ maxMessages: z.number().int().min(1).max(50), perDays: z.number().int().min(1).max(90) }).strict().optional(),
  /** Local times in the campaign time zone (setting); null = no quiet hours; unset = the default from settings. */
  quietHours: z.object({ start: clockTime, end: clockTime }).strict().nullable().optional(),
}).strict();
export type NewCampaign = z.input<typeof NewCampaignSchema>;
export type ParsedNewCampaign = z.infer<typeof NewCampaignSchema>;

export interface CampaignSettings {
  /** Audiences smaller than this are refused (a tiny audience singles people out). */
  minAudience: number;
  /** Default frequency cap: messages per customer per window of days. */
  maxMessages: number;
  perDays: number;
  /** Default quiet hours, or null, and the time zone they are read in. */
  quietHours: { start: string; end: string } | null;
  timeZone: string;
  /** Members handled per campaign per scheduler tick. */
  batchSize: number;
  /** A message queued for the chat page is shown at a visit within this many days, then dropped. */
  queuedDays: number;
}

export const DEFAULT_CAMPAIGN_SETTINGS: CampaignSettings = {
  minAudience: 20, maxMessages: 2, perDays: 7, quietHours: { start: '21:00', end: '09:00' }, timeZone: 'Europe/London',
  batchSize: 50, queuedDays: 14,
};

/** "21:00-09:00" → { start, end }; "off" → null. Throws with the reason. */
export function parseQuietHours(text: string): { start: string; end: string } | null {
  if (/^\s*(off|none)\s*$/i.test(text)) return null;
  const match = /^\s*(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})\s*$/.exec(text);
  if (!match || !clockTime.safeParse(match[1]).success || !clockTime.safeParse(match[2]).success) {
    throw new Error(`cannot read "${text}" (expected e.g. "21:00-09:00", or "off")`);
  }
  return { start: match[1], end: match[2] };
}
