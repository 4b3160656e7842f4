/**
 * Failed sign-ins leave bounded traces: every failed identification adds a lock record, and records older than the
 * lock window are pruned, so a flood of failures (fresh channel user ids and emails each time) leaves only the records
 * of the last window in the store file. Locking still holds: a locked account stays locked for the whole window.
 * StoreIdentityService over a real lowdb store in a temp folder, with an injected clock.
 */
import { DEMO_CUSTOMERS } from '../../data/seed/demoCustomers';
import { LOCK_MINUTES, MAX_FAILURES, StoreIdentityService } from '../../services/identityService';
import type { ChannelUser } from '../../services/ports';
import { createStoreTemplate, personaOf, TEST_NOW, type StoreTemplate, type TestStore } from './serviceStore';

const ALICE = DEMO_CUSTOMERS[0];

let template: StoreTemplate;
// Only the demo customers and what they bought: every failed attempt rewrites the store file.
beforeAll(async () => { template = await createStoreTemplate(0, { boughtProductsOnly: true }); });
afterAll(async () => { await template.dispose(); });

interface Harness { t: TestStore; identity: StoreIdentityService; clock: { now: Date } }

async function harness(): Promise<Harness> {
  const t = await template.fresh();
  const clock = { now: TEST_NOW };
  const r = t.store.repositories;
  const identity = new StoreIdentityService({
    customers: r.customers, orders: r.orders, segments: r.segments, locks: r.locks, audit: r.audit,
    personaOf, identitySecret: 'lock-test-secret-lock-test-secret-0123', maxTokenTtlSeconds: 3600,
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }, now: () => clock.now,
  });
  return { t, identity, clock };
}

const user = (userId: string): ChannelUser => ({ channelId: 'webchat', userId });
const at = (minutes: number) => new Date(TEST_NOW.getTime() + minutes * 60_000);

/** One failed attempt from a fresh channel user with a fresh email: two new lock keys each time. */
async function flood(h: Harness, from: number, count: number, startMinute: number, secondsApart: number): Promise<void> {
  for (let i = from; i < from + count; i++) {
    h.clock.now = at(startMinute + ((i - from) * secondsApart) / 60);
    expect((await h.identity.identify(user(`flood-${i}`), `flood-${i}@example.org`, 'wrong')).kind).toBe('rejected');
  }
}

describe('lock records are pruned after the lock window', () => {
  it('a flood of failures leaves only the records of the last window, one per key', async () => {
    const h = await harness();
    await flood(h, 0, 60, 0, 10); // ten minutes of failures
    expect(Object.keys(await h.t.storedLocks())).toHaveLength(120);
    // Long after the window, the next failure prunes every earlier record before it writes its own two.
    await flood(h, 60, 1, 10 + LOCK_MINUTES + 1, 0);
    const locks = await h.t.storedLocks();
    expect(Object.keys(locks)).toHaveLength(2);
    expect(Object.values(locks)).toEqual([
      { failures: 1, lockedUntil: null, expiresAt: at(10 + 2 * LOCK_MINUTES + 1).toISOString() },
      { failures: 1, lockedUntil: null, expiresAt: at(10 + 2 * LOCK_MINUTES + 1).toISOString() },
    ]);
  });

  it('at most a window\'s worth: failures spread over an hour never pile up', async () => {
    const h = await harness();
    const perMinute = 2;
    let peak = 0;
    for (let minute = 0; minute < 60; minute += 1) {
      await flood(h, minute * perMinute, perMinute, minute, 60 / perMinute);
      peak = Math.max(peak, Object.keys(await h.t.storedLocks()).length);
    }
    // Two keys per failure, for the failures of the last LOCK_MINUTES (+ the one writing).
    expect(peak).toBeLessThanOrEqual(2 * perMinute * (LOCK_MINUTES + 1));
    expect(peak).toBeGreaterThan(0);
  });

  it('one channel user hammering many emails keeps a bounded number of records: it is locked after three', async () => {
    const h = await harness();
    const attacker = user('hammer');
    const kinds = [];
    for (let i = 0; i < 30; i += 1) kinds.push((await h.identity.identify(attacker, `guess-${i}@example.org`, 'wrong')).kind);
    expect(kinds.filter((k) => k === 'rejected')).toHaveLength(MAX_FAILURES - 1);
    expect(Object.keys(await h.t.storedLocks())).toHaveLength(1 + MAX_FAILURES);
  });

  it('a locked account stays locked through the window, whatever pruning happens meanwhile, then its record goes', async () => {
    const h = await harness();
    for (let i = 0; i < MAX_FAILURES; i += 1) await h.identity.identify(user(`thief-${i}`), ALICE.email, 'wrong');
    const until = at(LOCK_MINUTES).toISOString();
    // Failures from others keep pruning while the lock runs.
    await flood(h, 0, 20, 1, 30);
    h.clock.now = at(LOCK_MINUTES - 0.1);
    await flood(h, 100, 1, LOCK_MINUTES - 0.1, 0);
    expect(await h.identity.identify(user('owner'), ALICE.email, ALICE.postcode)).toEqual({ kind: 'locked', until });
    // After the window the next failure (anyone's) prunes the ended locks; the owner then signs in.
    await flood(h, 200, 1, LOCK_MINUTES + 0.1, 0);
    const locked = Object.values(await h.t.storedLocks()).filter((state) => (state as { lockedUntil: string | null }).lockedUntil !== null);
    expect(locked).toEqual([]);
    expect((await h.identity.identify(user('owner'), ALICE.email, ALICE.postcode)).kind).toBe('identified');
  });
});
