/**
 * Validation of POST /api/messages bodies at the edge, so a malformed request gets a 400 that says what is
 * wrong instead of an exception deep in the adapter.
 */
import { z } from 'zod';

const Account = z.looseObject({ id: z.string().min(1, 'must not be empty') });

export const MAX_TEXT_LENGTH = 4000;

export const IncomingActivitySchema = z.looseObject({
  type: z.string().min(1, 'must not be empty'),
  channelId: z.string().min(1, 'must not be empty'),
  conversation: Account,
  from: Account,
  serviceUrl: z.string().min(1).optional(),
  deliveryMode: z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']).optional(),
  text: z.string().max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`).optional(),
});

export type ActivityCheck = { ok: true; activity: z.infer<typeof IncomingActivitySchema> } | { ok: false; reason: string };

export function checkActivity(body: unknown): ActivityCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, reason: 'the body must be a JSON object (a Bot Framework activity)' };
  }
  const parsed = IncomingActivitySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `invalid activity: ${issue.path.join('.') || 'body'} ${issue.message}` };
  }
  const activity = parsed.data;
  if (!activity.serviceUrl && activity.deliveryMode !== 'expectReplies') {
    return { ok: false, reason: 'invalid activity: serviceUrl is required unless deliveryMode is "expectReplies"' };
  }
  return { ok: true, activity };
}
