/**
 * Identification, privacy first: a signed identity from the host page, or the account email plus one
 * second factor on file (postcode or a past order number). Replies never reveal whether an email exists,
 * and three failures lock both the channel user and the email for 15 minutes.
 */
import { createHash } from 'node:crypto';
import type { Customer } from '../domain/model';
import type { AuditRepository, CustomerRepository, IdentificationLockRepository, OrderRepository, SegmentRepository } from '../data/ports';
import type { ChannelUser, CustomerProfile, IdentifyOutcome, IdentityService, SignedInCustomer } from './ports';
import { buildProfile, type PersonaLookup } from './profiles';
import { verifyIdentity } from './identityToken';
import type { Logger } from '../logging/logger';
import { newId } from './ids';
import { KeyedSerializer } from '../domain/keyedSerializer';
import { updateCustomer } from './customerUpdates';
import { CustomerReads } from './customerReads';

export const MAX_FAILURES = 3;
export const LOCK_MINUTES = 15;
export const MAX_LINKED_IDENTITIES = 10;

export interface IdentityDeps {
  customers: CustomerRepository;
  orders: OrderRepository;
  segments: SegmentRepository;
  locks: IdentificationLockRepository;
  audit: AuditRepository;
  personaOf: PersonaLookup;
  identitySecret: string;
  maxTokenTtlSeconds: number;
  /** When set, signed identities must carry this `aud`. */
  identityAudience?: string;
  /** Accept the first version's non-JWT tokens (IDENTITY_LEGACY_TOKENS). */
  acceptLegacyTokens?: boolean;
  log: Logger;
  now?: () => Date;
  /** The turn's memo of customer reads, shared with the suggestion service (default: one of its own). */
  reads?: CustomerReads;
}

const userKey = (u: ChannelUser) => `user:${u.channelId}:${u.userId}`;
/** Emails are keyed by hash so the lock table holds no address (erasure removes this key too: a hash still identifies). */
export const emailLockKey = (email: string) => `email:${createHash('sha256').update(normalizeEmail(email)).digest('hex')}`;
const normalizeEmail = (email: string) => email.trim().toLowerCase();
const normalizeFactor = (s: string) => s.replace(/[\s-]/g, '').toUpperCase();

export class StoreIdentityService implements IdentityService {
  /** Attempts on the same channel user or email run one at a time, so parallel guesses are all counted. */
  private readonly attempts = new KeyedSerializer();
  private readonly reads: CustomerReads;

  constructor(private readonly deps: IdentityDeps) {
    this.reads = deps.reads ?? new CustomerReads(async (id) => ({
      customer: await deps.customers.get(id), segment: await deps.segments.get(id), dismissedProductIds: [],
    }));
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  async verifySignedIdentity(token: unknown, user: ChannelUser): Promise<SignedInCustomer | null> {
    if (token === undefined || token === null) return null;
    const check = await verifyIdentity(token, {
      secret: this.deps.identitySecret,
      maxTtlSeconds: this.deps.maxTokenTtlSeconds,
      audience: this.deps.identityAudience,
      acceptLegacy: this.deps.acceptLegacyTokens,
      now: this.now().getTime(),
    });
    if (!check.ok) {
      this.deps.log.warn('signed identity ignored', { reason: check.reason, channel: user.channelId });
      return null;
    }
    const { customer, segment } = await this.reads.snapshot(check.identity.customerId);
    if (!customer || customer.erasedAt) {
      this.deps.log.warn('signed identity ignored', { reason: 'unknown customer', channel: user.channelId });
      return null;
    }
    // Not linked: the host page vouches for the customer on every turn, so a link would add nothing but a
    // write of the customer record per conversation.
    const profile = buildProfile(customer, segment, this.deps.personaOf);
    return { profile, expiresAt: new Date(check.identity.expiresAt * 1000).toISOString() };
  }

  async lockedUntil(user: ChannelUser): Promise<string | null> {
    return this.activeLock(userKey(user));
  }

  identify(user: ChannelUser, email: string, secondFactor: string): Promise<IdentifyOutcome> {
    const keys = [userKey(user), emailLockKey(email)];
    return this.attempts.run(keys, () => this.attempt(user, keys, email, secondFactor));
  }

  private async attempt(user: ChannelUser, keys: string[], email: string, secondFactor: string): Promise<IdentifyOutcome> {
    for (const key of keys) {
      const until = await this.activeLock(key);
      if (until) return { kind: 'locked', until };
    }
    const customer = await this.deps.customers.findByEmail(normalizeEmail(email));
    // Both checks always run so an unknown email and a wrong factor cost the same.
    const factorOk = await this.factorMatches(customer, secondFactor);
    if (customer && factorOk) {
      await Promise.all(keys.map((k) => this.deps.locks.remove(k)));
      return { kind: 'identified', profile: await this.profileOf(customer, user) };
    }
    return this.recordFailure(keys);
  }

  async profile(customerId: string): Promise<CustomerProfile | null> {
    const { customer, segment } = await this.reads.snapshot(customerId);
    if (!customer || customer.erasedAt) return null;
    return buildProfile(customer, segment, this.deps.personaOf);
  }

  private async factorMatches(customer: Customer | undefined, factor: string): Promise<boolean> {
    const given = normalizeFactor(factor);
    if (!given) return false;
    // Order ids come from the shop ("536365", "web-10001"): the order as typed first, then without spaces or dashes.
    const order = (await this.deps.orders.get(factor.trim())) ?? (await this.deps.orders.get(given));
    if (!customer) return false;
    return normalizeFactor(customer.postcode) === given || order?.customerId === customer.id;
  }

  private async activeLock(key: string): Promise<string | null> {
    const state = await this.deps.locks.get(key);
    if (!state?.lockedUntil) return null;
    return Date.parse(state.lockedUntil) > this.now().getTime() ? state.lockedUntil : null;
  }

  private async recordFailure(keys: string[]): Promise<IdentifyOutcome> {
    // Failures older than the lock window count no more: their records go before the new count is read.
    await this.deps.locks.pruneExpired(this.now());
    let attemptsLeft = MAX_FAILURES;
    let lockedUntil: string | null = null;
    for (const key of keys) {
      const previous = await this.deps.locks.get(key);
      // A lock that has run out starts a fresh count.
      const failures = (previous?.lockedUntil ? 0 : previous?.failures ?? 0) + 1;
      const locks = failures >= MAX_FAILURES;
      const until = locks ? new Date(this.now().getTime() + LOCK_MINUTES * 60_000).toISOString() : null;
      const expiresAt = until ?? new Date(this.now().getTime() + LOCK_MINUTES * 60_000).toISOString();
      await this.deps.locks.put(key, { failures: locks ? 0 : failures, lockedUntil: until, expiresAt });
      attemptsLeft = Math.min(attemptsLeft, MAX_FAILURES - failures);
      if (until) lockedUntil = until;
    }
    if (lockedUntil) {
      await this.deps.audit.add({
        id: newId('audit'),
        at: this.now().toISOString(), action: 'identification_lock', subject: keys[0], actor: 'bot', details: { minutes: LOCK_MINUTES },
      });
      return { kind: 'locked', until: lockedUntil };
    }
    return { kind: 'rejected', attemptsLeft: Math.max(attemptsLeft, 0) };
  }

  /** After email + second factor: the channel user is linked to the customer. */
  private async profileOf(customer: Customer, user: ChannelUser): Promise<CustomerProfile> {
    const isUser = (i: ChannelUser) => i.channelId === user.channelId && i.userId === user.userId;
    // Linked on the current record so a concurrent consent change or erasure is not overwritten.
    // Only the most recent identities are kept: web chat gives each browser session a new user id.
    await updateCustomer(this.deps.customers, customer.id, (current) =>
      (!current || current.erasedAt || current.identities.some(isUser)
        ? undefined
        : { ...current, identities: [...current.identities, user].slice(-MAX_LINKED_IDENTITIES) }));
    this.reads.forget(customer.id);
    return buildProfile(customer, await this.deps.segments.get(customer.id), this.deps.personaOf);
  }
}
