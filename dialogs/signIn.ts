/** Helpers for the per-turn sign-in check in MainDialog: where the host page's token is, and what ending says. */
import { createHash } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { SignInEnd } from './session';

/** The signed identity the host page sent with this activity (channelData.identity), if any. */
export function identityTokenOf(activity: Pick<Activity, 'channelData'>): unknown {
  const data: unknown = activity.channelData;
  if (typeof data !== 'object' || data === null || !('identity' in data)) return undefined;
  return data.identity ?? undefined;
}

/** Enough to tell the same token again; never the token itself, which is a credential. */
export function tokenDigest(token: unknown): string {
  return createHash('sha256').update(typeof token === 'string' ? token : JSON.stringify(token) ?? '').digest('base64url').slice(0, 22);
}

export const SIGN_IN_ENDED: Record<SignInEnd, (idleMinutes: number) => string> = {
  expired: () => 'Your sign-in has expired, so you are browsing as a guest now. Say "sign in" to sign in again.',
  idle: (minutes) => `For your security I signed you out after ${minutes} minutes without activity. Say "sign in" to sign in again.`,
};
