/**
 * Identities signed by the host page, in the spirit of Intercom's identity verification:
 * `base64url(JSON {sub, exp}) + "." + base64url(HMAC-SHA256(payload, secret))`.
 * The shop's server signs the customer id it has already authenticated; the bot trusts it only while
 * the signature holds and the expiry (seconds since the epoch) is in the future and not too far away.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SignedIdentity {
  customerId: string;
  expiresAt: number;
}

export type IdentityCheck = { ok: true; identity: SignedIdentity } | { ok: false; reason: string };

function mac(payload: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

export function signIdentity(customerId: string, secret: string, ttlSeconds: number, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ sub: customerId, exp: Math.floor(now / 1000) + ttlSeconds })).toString('base64url');
  return `${payload}.${mac(payload, secret).toString('base64url')}`;
}

export function verifyIdentity(token: unknown, secret: string, maxTtlSeconds: number, now = Date.now()): IdentityCheck {
  if (typeof token !== 'string' || token.length > 2048) return { ok: false, reason: 'not a token' };
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'malformed token' };
  const expected = mac(payload, secret);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad signature' };
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'unreadable claims' };
  }
  if (typeof claims !== 'object' || claims === null) return { ok: false, reason: 'unreadable claims' };
  const { sub, exp } = claims as { sub?: unknown; exp?: unknown };
  if (typeof sub !== 'string' || sub.length === 0 || typeof exp !== 'number') return { ok: false, reason: 'missing claims' };
  const nowSeconds = Math.floor(now / 1000);
  if (exp <= nowSeconds) return { ok: false, reason: 'expired' };
  if (exp - nowSeconds > maxTtlSeconds) return { ok: false, reason: 'expiry too far in the future' };
  return { ok: true, identity: { customerId: sub, expiresAt: exp } };
}
