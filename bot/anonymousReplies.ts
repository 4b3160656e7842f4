/**
 * Anonymous mode (no MicrosoftAppId) is for local use: nobody is authenticated, so a caller could name any
 * serviceUrl and have the bot POST its replies there. Replies therefore go only to loopback service URLs
 * (the Emulator, a local Direct Line stand-in) or to ones listed in ANONYMOUS_SERVICE_URLS; anything else is
 * refused before the turn runs. expectReplies turns never call out, so any serviceUrl is fine for them.
 */
import { isIPv4, isIPv6 } from 'node:net';

/** Each reply delivery in anonymous mode gives up after this long, and is not retried. */
export const ANONYMOUS_REPLY_TIMEOUT_MS = 3000;

export type ServiceUrlCheck = (activity: { serviceUrl?: string; deliveryMode?: string }) => string | null;

/** Returns the reason an activity's serviceUrl is refused, or null when replies may go there. */
export function anonymousServiceUrlCheck(allowList: readonly string[]): ServiceUrlCheck {
  const allowed = new Set(allowList.map((u) => new URL(u).origin));
  return ({ serviceUrl, deliveryMode }) => {
    if (deliveryMode === 'expectReplies') return null;
    let url: URL;
    try {
      url = new URL(serviceUrl ?? '');
    } catch {
      return 'invalid activity: serviceUrl is not a valid URL';
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'invalid activity: serviceUrl must be an http(s) URL';
    if (isLoopback(url.hostname) || allowed.has(url.origin)) return null;
    return `serviceUrl ${url.origin} is not allowed in anonymous mode (no MicrosoftAppId): replies go only to loopback `
      + 'addresses or to the service URLs listed in ANONYMOUS_SERVICE_URLS; use deliveryMode "expectReplies" to read them from the response';
  };
}

/** The URL parser has already normalised the spellings (2130706433, 0x7f.1, [::ffff:127.0.0.1], LOCALHOST). */
function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost') return true;
  if (isIPv4(host)) return host.startsWith('127.');
  if (isIPv6(host)) return host === '::1' || /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host);
  return false;
}
