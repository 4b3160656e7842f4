import { SignJWT } from 'jose';
import { signIdentity, verifyIdentity, type VerifyOptions } from '../../services/identityToken';

const SECRET = 'a-test-secret-that-is-long-enough-123456';
const NOW = Date.parse('2026-11-22T10:00:00Z');
const OPTIONS: VerifyOptions = { secret: SECRET, maxTtlSeconds: 3600, now: NOW };
const key = new TextEncoder().encode(SECRET);
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Signs with jose, as a shop's server using any standard JWT library would. */
async function joseToken(claims: Record<string, unknown>, alg = 'HS256', secret = key): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT' }).sign(secret);
}

/** The first version's format, accepted only behind IDENTITY_LEGACY_TOKENS. */
function legacyToken(sub: string, exp: number): string {
  const { createHmac } = require('node:crypto') as typeof import('node:crypto');
  const payload = b64({ sub, exp });
  return `${payload}.${createHmac('sha256', SECRET).update(payload).digest('base64url')}`;
}

describe('signed identities are standard HS256 JWTs', () => {
  it('verifies a token it signed and returns the customer and expiry', async () => {
    const token = signIdentity('12347', SECRET, 600, NOW);
    expect(token.split('.')).toHaveLength(3);
    expect(await verifyIdentity(token, OPTIONS)).toEqual({ ok: true, identity: { customerId: '12347', expiresAt: NOW / 1000 + 600 } });
  });

  it('accepts a token signed by another JWT library (jose), with iat and aud', async () => {
    const token = await joseToken({ sub: '12347', iat: NOW / 1000, exp: NOW / 1000 + 300, aud: 'shop.example' });
    expect(await verifyIdentity(token, { ...OPTIONS, audience: 'shop.example' })).toMatchObject({ ok: true, identity: { customerId: '12347' } });
    expect(await verifyIdentity(token, { ...OPTIONS, audience: 'other.example' })).toEqual({ ok: false, reason: 'wrong audience' });
  });

  const good = signIdentity('12347', SECRET, 600, NOW);
  const [header, payload, signature] = good.split('.');
  const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  // A 32-byte signature leaves two unused bits in its last character: the next character decodes to the same bytes.
  const sameBytesOtherSpelling = signature.slice(0, -1) + BASE64URL[BASE64URL.indexOf(signature[signature.length - 1]) + 1];
  // A token whose signature has a character that differs between the two alphabets, spelt in the standard one.
  const withUrlOnlyChars = [...Array(50).keys()].map((i) => signIdentity(`c${i}`, SECRET, 600, NOW)).find((t) => /[-_]/.test(t.split('.')[2]))!;
  const standardAlphabet = withUrlOnlyChars.replace(/[^.]+$/, (sig) => sig.replace(/-/g, '+').replace(/_/g, '/'));

  it.each([
    ['another secret', () => signIdentity('12347', 'another-secret-another-secret-another', 600, NOW), 'bad signature'],
    ['a swapped payload', () => `${header}.${b64({ sub: '99999', exp: NOW / 1000 + 600 })}.${signature}`, 'bad signature'],
    ['an expired token', () => signIdentity('12347', SECRET, 600, NOW - 601_000), 'expired'],
    ['a far-future expiry', () => signIdentity('12347', SECRET, 86_400 * 365, NOW), 'expiry too far in the future'],
    ['trailing junk after the signature', () => `${good}AA`, 'malformed token'],
    ['base64 padding on the signature', () => `${good}=`, 'malformed token'],
    ['the standard base64 alphabet', () => standardAlphabet, 'malformed token'],
    ['a non-canonical last character', () => `${header}.${payload}.${sameBytesOtherSpelling}`, 'malformed token'],
    ['a fourth segment', () => `${good}.x`, 'malformed token'],
    ['garbage', () => 'not-a-token', 'malformed token'],
    ['a number', () => 42, 'not a token'],
    ['alg none', () => `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`, 'malformed token'],
    ['the legacy format when not enabled', () => legacyToken('12347', NOW / 1000 + 600), 'malformed token'],
  ])('rejects %s', async (_name, token, reason) => {
    expect(await verifyIdentity(token(), OPTIONS)).toEqual({ ok: false, reason });
  });

  it.each([
    ['HS512', 'algorithm not allowed'],
  ])('rejects a token signed with %s', async (alg, reason) => {
    const token = await joseToken({ sub: '12347', exp: NOW / 1000 + 300 }, alg);
    expect(await verifyIdentity(token, OPTIONS)).toEqual({ ok: false, reason });
  });

  it('rejects a token without sub or exp', async () => {
    expect((await verifyIdentity(await joseToken({ exp: NOW / 1000 + 300 }), OPTIONS)).ok).toBe(false);
    expect((await verifyIdentity(await joseToken({ sub: '12347' }), OPTIONS)).ok).toBe(false);
  });

  it('accepts the legacy format only behind the setting, and only its one spelling', async () => {
    const legacy = legacyToken('12347', NOW / 1000 + 600);
    expect(await verifyIdentity(legacy, { ...OPTIONS, acceptLegacy: true })).toMatchObject({ ok: true, identity: { customerId: '12347' } });
    expect(await verifyIdentity(`${legacy}=`, { ...OPTIONS, acceptLegacy: true })).toMatchObject({ ok: false });
    expect(await verifyIdentity(good, { ...OPTIONS, acceptLegacy: true })).toMatchObject({ ok: true });
  });
});
