/**
 * An in-memory IdentityService with the real rules: signed tokens, email + second factor, and a lock
 * after three failures for 15 minutes, counted both per channel user and per email.
 */
import type { ChannelUser, CustomerProfile, IdentifyOutcome, IdentityService, SignedInCustomer } from '../../../services/ports';
import type { FakeCustomer } from './fakeCustomers';

export const MAX_FAILURES = 3;
export const LOCK_MINUTES = 15;
/**
 * The fake's "signed" tokens: a real service checks a JWT; here a token names a valid customer and, optionally,
 * its expiry in epoch milliseconds (default: an hour after the fake's clock at verification).
 */
export const signedTokenFor = (customerId: string, expiresAtMs?: number): string =>
  (expiresAtMs === undefined ? `signed:${customerId}` : `signed:${customerId}@${expiresAtMs}`);

interface Attempts { failures: number; lockedUntil: number | null }

export class FakeIdentityService implements IdentityService {
  readonly verifiedTokens: unknown[] = [];
  private readonly attempts = new Map<string, Attempts>();

  constructor(readonly customers: FakeCustomer[], private readonly now: () => number = Date.now) {}

  async verifySignedIdentity(token: unknown): Promise<SignedInCustomer | null> {
    this.verifiedTokens.push(token);
    if (typeof token !== 'string') return null;
    const [name, expiry] = token.split('@');
    const expiresAt = expiry === undefined ? this.now() + 3_600_000 : Number(expiry);
    const customer = this.customers.find((c) => signedTokenFor(c.profile.customerId) === name);
    if (!customer || expiresAt <= this.now()) return null;
    return { profile: structuredClone(customer.profile), expiresAt: new Date(expiresAt).toISOString() };
  }

  async identify(user: ChannelUser, email: string, secondFactor: string): Promise<IdentifyOutcome> {
    const keys = [`user:${user.channelId}:${user.userId}`, `email:${email.trim().toLowerCase()}`];
    const locked = this.lockOf(keys);
    if (locked) return { kind: 'locked', until: new Date(locked).toISOString() };
    const customer = this.customers.find((c) => c.email === email.trim().toLowerCase());
    const factor = secondFactor.trim().toUpperCase();
    if (customer && (customer.postcode.toUpperCase() === factor || customer.orderNumbers.includes(factor))) {
      keys.forEach((key) => this.attempts.delete(key));
      return { kind: 'identified', profile: structuredClone(customer.profile) };
    }
    const failures = Math.max(...keys.map((key) => this.fail(key)));
    if (failures >= MAX_FAILURES) return { kind: 'locked', until: new Date(this.lockOf(keys) ?? this.now()).toISOString() };
    return { kind: 'rejected', attemptsLeft: MAX_FAILURES - failures };
  }

  async lockedUntil(user: ChannelUser): Promise<string | null> {
    const locked = this.lockOf([`user:${user.channelId}:${user.userId}`]);
    return locked ? new Date(locked).toISOString() : null;
  }

  async profile(customerId: string): Promise<CustomerProfile | null> {
    const customer = this.customers.find((c) => c.profile.customerId === customerId);
    return customer ? structuredClone(customer.profile) : null;
  }

  private fail(key: string): number {
    const entry = this.attempts.get(key) ?? { failures: 0, lockedUntil: null };
    entry.failures += 1;
    if (entry.failures >= MAX_FAILURES) entry.lockedUntil = this.now() + LOCK_MINUTES * 60_000;
    this.attempts.set(key, entry);
    return entry.failures;
  }

  private lockOf(keys: string[]): number | null {
    const until = keys.map((key) => this.attempts.get(key)?.lockedUntil ?? null).find((t) => t !== null && t > this.now());
    return until ?? null;
  }
}
