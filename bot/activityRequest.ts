/**
 * Validation of POST /api/messages bodies at the edge, so a malformed request gets a 400 that says what is
 * wrong instead of an exception deep in the adapter (which also cost the turn its transcript entry).
 * Arrays must be arrays of objects, objects must be objects; `null` for an optional field counts as absent.
 */
import { z } from 'zod';
import { firstIssue } from '../domain/zodIssues';

const Account = z.looseObject({ id: z.string().min(1, 'must not be empty') });

export const MAX_TEXT_LENGTH = 4000;

/** Optional, and `null` (which some clients send for "absent") is dropped before the turn sees it. */
function optional<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => value ?? undefined);
}
const listOf = <T extends z.ZodType>(item: T) => optional(z.array(item));
const text = optional(z.string());

const Attachment = z.looseObject({ contentType: z.string(), contentUrl: text, name: text });
const Typed = z.looseObject({ type: z.string() });

const IncomingActivitySchema = z.looseObject({
  type: z.string().min(1, 'must not be empty'),
  channelId: z.string().min(1, 'must not be empty'),
  conversation: Account,
  from: Account,
  recipient: optional(Account),
  serviceUrl: z.string().min(1).optional(),
  deliveryMode: z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']).optional(),
  text: optional(z.string().max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`)),
  attachments: listOf(Attachment),
  membersAdded: listOf(Account),
  membersRemoved: listOf(Account),
  reactionsAdded: listOf(Typed),
  reactionsRemoved: listOf(Typed),
  entities: listOf(Typed),
  channelData: optional(z.looseObject({})),
  id: text,
  name: text,
  locale: text,
  replyToId: text,
  textFormat: text,
  timestamp: text,
  localTimestamp: text,
  localTimezone: text,
});

export type IncomingActivity = z.infer<typeof IncomingActivitySchema>;
export type ActivityCheck = { ok: true; activity: IncomingActivity } | { ok: false; reason: string };

export function checkActivity(body: unknown): ActivityCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, reason: 'the body must be a JSON object (a Bot Framework activity)' };
  }
  const parsed = IncomingActivitySchema.safeParse(body);
  if (!parsed.success) return { ok: false, reason: `invalid activity: ${firstIssue(parsed.error, 'body')}` };
  const activity = parsed.data;
  if (!activity.serviceUrl && activity.deliveryMode !== 'expectReplies') {
    return { ok: false, reason: 'invalid activity: serviceUrl is required unless deliveryMode is "expectReplies"' };
  }
  return { ok: true, activity };
}
