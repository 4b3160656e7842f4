/** StoreIdentityService over a real lowdb store built from the committed seed. */
import { DEMO_CUSTOMERS } from '../../data/seed/demoCustomers';
import { LOCK_MINUTES, MAX_LINKED_IDENTITIES, StoreIdentityService } from '../../services/identityService';
import { signIdentity } from '../../services/identityToken';
import type { Logger } from '../../logging/logger';
import type { ChannelUser, IdentifyOutcome } from '../../services/ports';
import { StorePrivacyService } from '../../services/privacyService';
import { createStoreTemplate, personaOf, TEST_NOW, type StoreTemplate, type TestStore } from './serviceStore';

const SECRET = 'identity-test-secret-identity-test-secret';
const ALICE = DEMO_CUSTOMERS[0];
const JONAS = DEMO_CUSTOMERS[2];
const UNKNOWN_EMAIL = 'nobody.at.all@example.org';

let template: StoreTemplate;
beforeAll(async () => { template = await createStoreTemplate(10, { boughtProductsOnly: true }); });
afterAll(async () => { await template.dispose(); });

interface Harness {
  t: TestStore;
  identity: StoreIdentityService;
  clock: { now: Date };
  warnings: { msg: string; fields?: Record<string, unknown> }[];
}

async function harness(): Promise<Harness> {
  const t = await template.fresh();
  const clock = { now: TEST_NOW };
  const warnings: Harness['warnings'] = [];
  const log: Logger = { debug: () => {}, info: () => {}, warn: (msg, fields) => warnings.push({ msg, fields }), error: () => {} };
  const r = t.store.repositories;
  const identity = new StoreIdentityService({
    customers: r.customers, orders: r.orders, segments: r.segments, locks: r.locks, audit: r.audit,
    personaOf, identitySecret: SECRET, maxTokenTtlSeconds: 3600, log, now: () => clock.now,
  });
  return { t, identity, clock, warnings };
}

const user = (userId: string): ChannelUser => ({ channelId: 'webchat', userId });
const minutesLater = (minutes: number) => new Date(TEST_NOW.getTime() + minutes * 60_000);
const shape = (o: IdentifyOutcome) => (o.kind === 'identified' ? { kind: o.kind, customerId: o.profile.customerId } : o);

describe('signed identity from the host page', () => {
  it.each([
    ['a valid token', () => signIdentity(ALICE.id, SECRET, 600, TEST_NOW.getTime()), ALICE.id],
    ['a token signed with another secret', () => signIdentity(ALICE.id, 'forged-secret-forged-secret-forged', 600, TEST_NOW.getTime()), null],
    ['an expired token', () => signIdentity(ALICE.id, SECRET, 600, TEST_NOW.getTime() - 601_000), null],
    ['a valid token for an unknown customer', () => signIdentity('no-such-customer', SECRET, 600, TEST_NOW.getTime()), null],
    ['no token', () => undefined, null],
  ])('%s', async (_name, token, expected) => {
    const h = await harness();
    const signed = await h.identity.verifySignedIdentity(token(), user('u-signed'));
    const profile = signed?.profile;
    expect(profile?.customerId ?? null).toBe(expected);
    if (signed) expect(signed.expiresAt).toBe(new Date(TEST_NOW.getTime() + 600_000).toISOString());
    if (expected) {
      const assignment = await h.t.store.repositories.segments.get(ALICE.id);
      expect(assignment).toBeDefined();
      expect(profile).toMatchObject({
        displayName: ALICE.displayName, consent: { personalization: true },
        segment: { primary: assignment?.primary, rfmLabel: assignment?.rfm.label, persona: personaOf(assignment).id },
      });
    } else if (token() !== undefined) {
      expect(h.warnings.map((w) => w.msg)).toEqual(['signed identity ignored']);
    }
  });
});

describe('email plus a second factor', () => {
  it.each([
    ['the postcode', ALICE.email, ALICE.postcode, 'identified'],
    ['the postcode, differently spaced and cased', ` ${ALICE.email.toUpperCase()} `, ALICE.postcode.toLowerCase().replace(' ', ''), 'identified'],
    ['a past order number', ALICE.email, 'first-order', 'identified'],
    ['a past order whose id has letters and dashes, as typed', ALICE.email, 'web-order', 'identified'],
    ['a wrong postcode', ALICE.email, 'ZZ9 9ZZ', 'rejected'],
    ["another customer's postcode", ALICE.email, JONAS.postcode, 'rejected'],
    ["another customer's order number", ALICE.email, 'jonas-order', 'rejected'],
    ['an empty factor', ALICE.email, '  ', 'rejected'],
    ['an unknown email', UNKNOWN_EMAIL, ALICE.postcode, 'rejected'],
  ])('%s', async (_name, email, factor, kind) => {
    const h = await harness();
    const orders = h.t.store.repositories.orders;
    if (factor === 'web-order') await orders.add({ id: 'web-10001', customerId: ALICE.id, date: '2026-11-01T10:00:00.000Z', lines: [{ productId: 'p1', quantity: 1, unitPrice: 1 }] });
    const resolved = factor === 'web-order' ? ' web-10001 ' : factor === 'first-order' ? (await orders.forCustomer(ALICE.id))[0].id
      : factor === 'jonas-order' ? (await orders.forCustomer(JONAS.id))[0].id : factor;
    const outcome = await h.identity.identify(user('u-1'), email, resolved);
    expect(outcome.kind).toBe(kind);
    if (outcome.kind === 'identified') expect(outcome.profile).toMatchObject({ customerId: ALICE.id, displayName: ALICE.displayName });
    if (outcome.kind === 'rejected') expect(outcome.attemptsLeft).toBe(2);
  });

  it('answers an unknown email exactly like a wrong factor, down to the lock', async () => {
    const h = await harness();
    const run = async (who: ChannelUser, email: string) => {
      const outcomes: IdentifyOutcome[] = [];
      for (let i = 0; i < 4; i += 1) outcomes.push(await h.identity.identify(who, email, 'ZZ9 9ZZ'));
      return outcomes;
    };
    const unknown = await run(user('u-unknown'), UNKNOWN_EMAIL);
    const wrongFactor = await run(user('u-wrong'), ALICE.email);
    expect(unknown).toEqual(wrongFactor);
    expect(unknown.map((o) => o.kind)).toEqual(['rejected', 'rejected', 'locked', 'locked']);
    expect(unknown.slice(0, 2)).toEqual([{ kind: 'rejected', attemptsLeft: 2 }, { kind: 'rejected', attemptsLeft: 1 }]);
  });

  it('links the channel user to the customer once after email + factor, and the link is stored', async () => {
    const h = await harness();
    for (let i = 0; i < 2; i += 1) await h.identity.identify(user('u-link'), ALICE.email, ALICE.postcode);
    // A signed identity is vouched for on every turn by the host page: nothing to link.
    await h.identity.verifySignedIdentity(signIdentity(ALICE.id, SECRET, 600, TEST_NOW.getTime()), { channelId: 'directline', userId: 'd-1' });
    await h.t.store.close();
    const reopened = await h.t.reopen();
    expect((await reopened.repositories.customers.get(ALICE.id))?.identities).toEqual([user('u-link')]);
  });

  it('keeps only the most recent linked identities', async () => {
    const h = await harness();
    for (let i = 0; i < MAX_LINKED_IDENTITIES + 3; i += 1) await h.identity.identify(user(`u-${i}`), ALICE.email, ALICE.postcode);
    const identities = (await h.t.store.repositories.customers.get(ALICE.id))?.identities ?? [];
    expect(identities).toHaveLength(MAX_LINKED_IDENTITIES);
    expect(identities.at(-1)).toEqual(user(`u-${MAX_LINKED_IDENTITIES + 2}`));
    expect(identities).not.toContainEqual(user('u-0'));
  });
});

describe('lockout after three failures', () => {
  it('locks the channel user, whatever email it tries next', async () => {
    const h = await harness();
    const attacker = user('u-attacker');
    const outcomes = [];
    for (const email of ['a@example.org', 'b@example.org', 'c@example.org']) outcomes.push(await h.identity.identify(attacker, email, 'x'));
    const until = minutesLater(LOCK_MINUTES).toISOString();
    expect(outcomes.map(shape)).toEqual([
      { kind: 'rejected', attemptsLeft: 2 }, { kind: 'rejected', attemptsLeft: 1 }, { kind: 'locked', until },
    ]);
    expect(await h.identity.lockedUntil(attacker)).toBe(until);
    expect(shape(await h.identity.identify(attacker, ALICE.email, ALICE.postcode))).toEqual({ kind: 'locked', until });
    expect(await h.identity.lockedUntil(user('u-bystander'))).toBeNull();
  });

  it('locks the email for every channel user when the attacker changes user ids', async () => {
    const h = await harness();
    const outcomes = [];
    for (const id of ['u-a', 'u-b', 'u-c']) outcomes.push(await h.identity.identify(user(id), ALICE.email, 'wrong'));
    const until = minutesLater(LOCK_MINUTES).toISOString();
    expect(outcomes.map(shape)).toEqual([
      { kind: 'rejected', attemptsLeft: 2 }, { kind: 'rejected', attemptsLeft: 1 }, { kind: 'locked', until },
    ]);
    // Even the real owner, from a fresh channel user and with the right factor, waits; other emails do not.
    expect(shape(await h.identity.identify(user('u-owner'), ` ${ALICE.email.toUpperCase()}`, ALICE.postcode))).toEqual({ kind: 'locked', until });
    expect(await h.identity.lockedUntil(user('u-owner'))).toBeNull();
    expect(shape(await h.identity.identify(user('u-owner'), JONAS.email, JONAS.postcode))).toEqual({ kind: 'identified', customerId: JONAS.id });
  });

  it.each([
    ['different channel users on one email', (i: number) => user(`u-parallel-${i}`)],
    ['one channel user', () => user('u-parallel')],
  ])('counts failures sent in parallel by %s (no lost updates)', async (_name, who) => {
    const h = await harness();
    const outcomes = await Promise.all([0, 1, 2, 3, 4].map((i) => h.identity.identify(who(i), ALICE.email, `wrong-${i}`)));
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['locked', 'locked', 'locked', 'rejected', 'rejected']);
    expect((await h.identity.identify(who(9), ALICE.email, ALICE.postcode)).kind).toBe('locked');
  });

  it.each([
    [LOCK_MINUTES - 0.02, 'locked'],
    [LOCK_MINUTES + 0.02, 'identified'],
  ])('%f minutes after the lock the owner is %s', async (minutes, kind) => {
    const h = await harness();
    for (let i = 0; i < 3; i += 1) await h.identity.identify(user('u-late'), ALICE.email, 'wrong');
    h.clock.now = minutesLater(minutes);
    expect((await h.identity.identify(user('u-late'), ALICE.email, ALICE.postcode)).kind).toBe(kind);
  });

  it('starts a fresh count after the lock ran out', async () => {
    const h = await harness();
    for (let i = 0; i < 3; i += 1) await h.identity.identify(user('u-again'), ALICE.email, 'wrong');
    h.clock.now = minutesLater(LOCK_MINUTES + 1);
    expect(await h.identity.identify(user('u-again'), ALICE.email, 'wrong')).toEqual({ kind: 'rejected', attemptsLeft: 2 });
  });

  it('resets the count on success', async () => {
    const h = await harness();
    const who = user('u-reset');
    for (let i = 0; i < 2; i += 1) await h.identity.identify(who, ALICE.email, 'wrong');
    expect((await h.identity.identify(who, ALICE.email, ALICE.postcode)).kind).toBe('identified');
    const after = [];
    for (let i = 0; i < 2; i += 1) after.push(await h.identity.identify(who, ALICE.email, 'wrong'));
    expect(after).toEqual([{ kind: 'rejected', attemptsLeft: 2 }, { kind: 'rejected', attemptsLeft: 1 }]);
  });

  it('keeps no email in the lock table nor anywhere for an unknown one, and audits the lock without it', async () => {
    const h = await harness();
    for (const email of [ALICE.email, UNKNOWN_EMAIL, UNKNOWN_EMAIL]) await h.identity.identify(user('u-file'), email, 'wrong');
    const locks = await h.t.storedLocks();
    const lockText = JSON.stringify(locks);
    expect(Object.keys(locks)).toHaveLength(3);
    for (const needle of ['@', 'alice', 'nobody', 'example']) expect(lockText.toLowerCase()).not.toContain(needle);
    expect(await h.t.fileText()).not.toContain(UNKNOWN_EMAIL);
    const lockAudits = (await h.t.store.repositories.audit.list()).filter((a) => a.action === 'identification_lock');
    expect(lockAudits).toHaveLength(1);
    expect(JSON.stringify(lockAudits)).not.toContain('@');
  });
});

describe('erased customers', () => {
  it('can identify neither by email and factor nor by a signed identity', async () => {
    const h = await harness();
    const consoleStore = await h.t.openConsoleStore();
    const privacy = new StorePrivacyService({ repositories: h.t.store.repositories, transcripts: consoleStore.transcripts });
    const order = (await h.t.store.repositories.orders.forCustomer(ALICE.id))[0].id;
    await privacy.erase(ALICE.id);
    expect(await h.identity.identify(user('u-erased'), ALICE.email, ALICE.postcode)).toEqual({ kind: 'rejected', attemptsLeft: 2 });
    expect(await h.identity.identify(user('u-erased'), ALICE.email, order)).toEqual({ kind: 'rejected', attemptsLeft: 1 });
    expect(await h.identity.identify(user('u-erased-2'), '', '')).toEqual({ kind: 'rejected', attemptsLeft: 2 });
    expect(await h.identity.verifySignedIdentity(signIdentity(ALICE.id, SECRET, 600, TEST_NOW.getTime()), user('u-erased'))).toBeNull();
    expect(await h.identity.profile(ALICE.id)).toBeNull();
  });
});
