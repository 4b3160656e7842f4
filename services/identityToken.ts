/**
 * Identities signed by the host page: standard HS256 JSON Web Tokens (RFC 7519) with `sub` (the customer
 * id the shop has already authenticated) and `exp`, optionally `iat` and `aud`. Any JWT library can sign
 * them; they are verified with jose. The bot trusts one only while the signature holds and `exp` is in the
 * future and not too far away.
 *
 * The first version's own format (`base64url(JSON {sub, exp}).base64url(HMAC)`) is accepted only when
 * IDENTITY_LEGACY_TOKENS is on, for shops that have not moved yet.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type * as Jose from 'jose';

/** jose (an ES module of about 50 files) is loaded at the first signed token, not by every process that imports this. */
function loadJose(): typeof Jose {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred load, see above
  return require('jose') as typeof Jose;
}

export interface SignedIdentity {
  customerId: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

export type IdentityCheck = { ok: true; identity: SignedIdentity } | { ok: false; reason: string };

export interface VerifyOptions {
  secret: string;
  maxTtlSeconds: number;
  /** When set, the token's `aud` must name it. */
  audience?: string;
  /** Also accept the first version's non-JWT format. */
  acceptLegacy?: boolean;
  now?: number;
}

const MAX_TOKEN_LENGTH = 4096;
/** Three base64url segments, no padding, nothing else: the compact serialisation and only that. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const LEGACY = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

const b64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');
const hmac = (input: string, secret: string): Buffer => createHmac('sha256', secret).update(input).digest();

/** Signs a standard HS256 JWT, as a shop's server would (the demo page and tests use it). */
export function signIdentity(customerId: string, secret: string, ttlSeconds: number, now = Date.now(), audience?: string): string {
  const iat = Math.floor(now / 1000);
  const claims = { sub: customerId, iat, exp: iat + ttlSeconds, ...(audience ? { aud: audience } : {}) };
  const signingInput = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}`;
  return `${signingInput}.${hmac(signingInput, secret).toString('base64url')}`;
}

export async function verifyIdentity(token: unknown, options: VerifyOptions): Promise<IdentityCheck> {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'not a token' };
  const now = options.now ?? Date.now();
  if (options.acceptLegacy && LEGACY.test(token)) return verifyLegacy(token, options.secret, options.maxTtlSeconds, now);
  if (!COMPACT_JWS.test(token) || !hasCanonicalSignature(token)) return { ok: false, reason: 'malformed token' };
  const { jwtVerify, errors } = loadJose();
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(options.secret), {
      algorithms: ['HS256'],
      audience: options.audience,
      requiredClaims: ['sub', 'exp'],
      currentDate: new Date(now),
    });
    if (typeof payload.sub !== 'string' || payload.sub.length === 0 || typeof payload.exp !== 'number') return { ok: false, reason: 'missing claims' };
    return withinTtl({ customerId: payload.sub, expiresAt: payload.exp }, options.maxTtlSeconds, now);
  } catch (error) {
    return { ok: false, reason: reasonOf(error, errors) };
  }
}

/**
 * Base64url has several spellings of the same bytes (unused low bits in the last character): only the one
 * that re-encodes to itself is accepted, so a token has exactly one valid form.
 */
function hasCanonicalSignature(token: string): boolean {
  const signature = token.slice(token.lastIndexOf('.') + 1);
  return Buffer.from(signature, 'base64url').toString('base64url') === signature;
}

function withinTtl(identity: SignedIdentity, maxTtlSeconds: number, now: number): IdentityCheck {
  const nowSeconds = Math.floor(now / 1000);
  if (identity.expiresAt <= nowSeconds) return { ok: false, reason: 'expired' };
  if (identity.expiresAt - nowSeconds > maxTtlSeconds) return { ok: false, reason: 'expiry too far in the future' };
  return { ok: true, identity };
}

function reasonOf(error: unknown, errors: typeof Jose.errors): string {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad signature';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm not allowed';
  if (error instanceof errors.JWTClaimValidationFailed) return error.claim === 'aud' ? 'wrong audience' : `bad claim ${error.claim}`;
  return 'malformed token';
}

function verifyLegacy(token: string, secret: string, maxTtlSeconds: number, now: number): IdentityCheck {
  const [payload, signature] = token.split('.');
  const expected = hmac(payload, secret);
  const given = Buffer.from(signature, 'base64url');
  if (given.toString('base64url') !== signature || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad signature' };
  }
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'unreadable claims' };
  }
  const { sub, exp } = (typeof claims === 'object' && claims !== null ? claims : {}) as { sub?: unknown; exp?: unknown };
  if (typeof sub !== 'string' || sub.length === 0 || typeof exp !== 'number') return { ok: false, reason: 'missing claims' };
  return withinTtl({ customerId: sub, expiresAt: exp }, maxTtlSeconds, now);
}
