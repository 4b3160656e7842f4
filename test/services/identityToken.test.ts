import { signIdentity, verifyIdentity } from '../../services/identityToken';

const SECRET = 'a-test-secret-that-is-long-enough-123456';
const NOW = Date.parse('2026-11-22T10:00:00Z');

describe('signed identity tokens', () => {
  it('verifies a token it signed and returns the customer', () => {
    const token = signIdentity('12347', SECRET, 600, NOW);
    expect(verifyIdentity(token, SECRET, 3600, NOW)).toEqual({ ok: true, identity: { customerId: '12347', expiresAt: NOW / 1000 + 600 } });
  });

  const forged = (() => {
    const [payload, sig] = signIdentity('12347', SECRET, 600, NOW).split('.');
    const other = Buffer.from(JSON.stringify({ sub: '99999', exp: NOW / 1000 + 600 })).toString('base64url');
    return { swappedPayload: `${other}.${sig}`, original: `${payload}.${sig}` };
  })();

  it.each([
    ['another secret', signIdentity('12347', 'another-secret-another-secret-another', 600, NOW), 'bad signature'],
    ['a swapped payload', forged.swappedPayload, 'bad signature'],
    ['an expired token', signIdentity('12347', SECRET, 600, NOW - 601_000), 'expired'],
    ['a far-future expiry', signIdentity('12347', SECRET, 86_400 * 365, NOW), 'expiry too far in the future'],
    ['garbage', 'not-a-token', 'malformed token'],
    ['a number', 42, 'not a token'],
    ['three parts', `${forged.original}.x`, 'malformed token'],
  ])('rejects %s', (_name, token, reason) => {
    expect(verifyIdentity(token, SECRET, 3600, NOW)).toEqual({ ok: false, reason });
  });
});
