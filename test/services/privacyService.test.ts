/** StorePrivacyService over a real lowdb store from the seed and the real console (transcript) store. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OpenedConsoleStore as ConsoleStore } from '../../data/consolePorts';
import type { TranscriptEntry } from '../../data/console/schema';
import type { OpenedStore } from '../../data/openStore';
import { DEMO_CUSTOMERS } from '../../data/seed/demoCustomers';
import { StoreFeedbackService } from '../../services/feedbackService';
import { emailLockKey, StoreIdentityService } from '../../services/identityService';
import { silentLogger } from '../support/silentLogger';
import { StorePrivacyService } from '../../services/privacyService';
import { ExportSections } from '../../services/exportSections';
import { ERASED_SUBJECT } from '../../domain/model';
import { createStoreTemplate, occurrences, personaOf, TEST_NOW, type StoreTemplate, type TestStore } from './serviceStore';

const ALICE = DEMO_CUSTOMERS[0];
const JONAS = DEMO_CUSTOMERS[2];

let template: StoreTemplate;
beforeAll(async () => { template = await createStoreTemplate(10, { boughtProductsOnly: true }); });
afterAll(async () => { await template.dispose(); });

interface Harness {
  t: TestStore;
  consoleStore: ConsoleStore;
  consolePath: string;
  privacy: StorePrivacyService;
  identity: StoreIdentityService;
  erasedHooks: { customerId: string; pseudonym: string }[];
}

const identityOver = (store: OpenedStore) => {
  const r = store.repositories;
  return new StoreIdentityService({
    customers: r.customers, orders: r.orders, segments: r.segments, locks: r.locks, audit: r.audit,
    personaOf, identitySecret: 'privacy-test-secret-privacy-test-secret', maxTokenTtlSeconds: 3600, log: silentLogger, now: () => TEST_NOW,
  });
};

async function harness(): Promise<Harness> {
  const t = await template.fresh();
  const consolePath = join(t.dir, 'console.json');
  const consoleStore = await t.openConsoleStore();
  const erasedHooks: Harness['erasedHooks'] = [];
  const privacy = new StorePrivacyService({
    repositories: t.store.repositories, transcripts: consoleStore.transcripts, now: () => TEST_NOW,
    onErased: (customerId, pseudonym) => { erasedHooks.push({ customerId, pseudonym }); },
  });
  return { t, consoleStore, consolePath, privacy, identity: identityOver(t.store), erasedHooks };
}

function transcriptEntry(customerId: string | null, text: string): TranscriptEntry {
  return {
    at: TEST_NOW.toISOString(), direction: 'in', type: 'message', text, cards: [], customerId, segment: null,
    intent: null, intentScore: null, reasons: [], voice: false,
  };
}

/** Gives Alice feedback, a suggestion event, a transcript and a channel identity, as a conversation would. */
async function converse(h: Harness, conversationId: string): Promise<void> {
  const customerId = ALICE.id;
  const profile = await h.identity.profile(customerId);
  await h.identity.identify({ channelId: 'webchat', userId: `user-${conversationId}` }, ALICE.email, ALICE.postcode);
  await new StoreFeedbackService(h.t.store.repositories.feedback, () => TEST_NOW).submit(
    { conversationId, profile }, { csat: 4, nps: 9, comment: 'Alice here, lovely help', followsSuggestions: ['85123A'] },
  );
  await h.t.store.repositories.suggestionEvents.add([{
    id: `ev-${conversationId}`, conversationId, customerId, productId: '85123A', kind: 'shown', reason: 'Popular right now',
    segment: profile?.segment ?? null, at: TEST_NOW.toISOString(),
  }]);
  await h.consoleStore.transcripts.append(conversationId, 'webchat', [transcriptEntry(customerId, 'transcript line of the customer')]);
}

describe('consent changes', () => {
  it.each([
    ['marketing', false],
    ['personalization', false],
    ['personalization', true],
  ] as const)('%s -> %s applies at once and survives reopening the store', async (topic, granted) => {
    const h = await harness();
    const consent = await h.privacy.setConsent(ALICE.id, topic, granted);
    expect(consent).toMatchObject({ [topic]: granted, updatedAt: TEST_NOW.toISOString() });
    expect((await h.identity.profile(ALICE.id))?.consent[topic]).toBe(granted);

    await h.t.store.close();
    const reopened = await h.t.reopen();
    expect((await reopened.repositories.customers.get(ALICE.id))?.consent).toEqual(consent);
    const audit = (await reopened.repositories.audit.list()).filter((a) => a.action === 'consent_change');
    expect(audit).toEqual([expect.objectContaining({ subject: ALICE.id, details: { topic, granted } })]);
  });

  it('leaves the other topic as it was', async () => {
    const h = await harness();
    await h.privacy.setConsent(ALICE.id, 'marketing', false);
    const consent = await h.privacy.setConsent(ALICE.id, 'personalization', false);
    expect(consent).toMatchObject({ marketing: false, personalization: false });
    expect(await h.privacy.setConsent(ALICE.id, 'marketing', true)).toMatchObject({ marketing: true, personalization: false });
  });

  it('keeps both changes when two arrive at once, and a sign-in at the same time does not undo them', async () => {
    const h = await harness();
    await Promise.all([
      h.privacy.setConsent(ALICE.id, 'marketing', false),
      h.identity.identify({ channelId: 'webchat', userId: 'other-device' }, ALICE.email, ALICE.postcode),
      h.privacy.setConsent(ALICE.id, 'personalization', false),
    ]);
    await h.t.store.close();
    const customer = await (await h.t.reopen()).repositories.customers.get(ALICE.id);
    expect(customer?.consent).toMatchObject({ marketing: false, personalization: false });
    expect(customer?.identities).toContainEqual({ channelId: 'webchat', userId: 'other-device' });
  });

  it('refuses an unknown customer', async () => {
    const h = await harness();
    await expect(h.privacy.setConsent('no-such-customer', 'marketing', false)).rejects.toThrow('no active customer');
  });
});

describe('data export', () => {
  it("holds the customer's record, segment, orders, feedback and events, and nobody else's", async () => {
    const h = await harness();
    await converse(h, 'conv-export');
    const exported = await h.privacy.exportData(ALICE.id);
    const r = h.t.store.repositories;
    const orders = await r.orders.forCustomer(ALICE.id);
    expect(orders.length).toBeGreaterThan(0);
    expect(exported).toMatchObject({
      customer: { id: ALICE.id, email: ALICE.email, displayName: ALICE.displayName, postcode: ALICE.postcode },
      segment: { customerId: ALICE.id },
      orders,
      feedback: [expect.objectContaining({ customerId: ALICE.id, conversationId: 'conv-export', csat: 4, nps: 9 })],
      suggestionEvents: [expect.objectContaining({ customerId: ALICE.id, productId: '85123A' })],
      conversations: [{ id: 'conv-export', channel: 'webchat', startedAt: TEST_NOW.toISOString(), messages: [{ at: TEST_NOW.toISOString(), from: 'you', text: 'transcript line of the customer' }] }],
    });
    // Plain JSON-able data, as the dialog attaches it.
    expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
    expect(JSON.stringify(exported)).not.toContain(JONAS.email);
    expect((await r.audit.list()).filter((a) => a.action === 'data_export')).toEqual([expect.objectContaining({ subject: ALICE.id })]);
  });

  it('adds the sections other features register (campaign messages, experiment exposures), asked for this customer only', async () => {
    const t = await template.fresh();
    const consoleStore = await t.openConsoleStore();
    const sections = new ExportSections();
    const asked: string[] = [];
    sections.add('campaignMessages', async (customerId) => { asked.push(customerId); return { deliveries: [{ campaignId: 'spring', customerId }] }; });
    sections.add('experimentExposures', async (customerId) => [{ experimentId: 'tone', customerId }]);
    const privacy = new StorePrivacyService({ repositories: t.store.repositories, transcripts: consoleStore.transcripts, now: () => TEST_NOW, exportSections: sections });
    const exported = await privacy.exportData(ALICE.id);
    expect(exported).toMatchObject({
      customer: { id: ALICE.id },
      campaignMessages: { deliveries: [{ campaignId: 'spring', customerId: ALICE.id }] },
      experimentExposures: [{ experimentId: 'tone', customerId: ALICE.id }],
    });
    expect(asked).toEqual([ALICE.id]);
  });
});

describe('erasure', () => {
  async function erased() {
    const h = await harness();
    await converse(h, 'conv-alice');
    // Someone else's guest conversation stays.
    await h.consoleStore.transcripts.append('conv-guest', 'webchat', [transcriptEntry(null, 'a guest asks about candles')]);
    // A failed attempt leaves lock entries keyed by the channel user and by (a hash of) the email.
    await h.identity.identify({ channelId: 'webchat', userId: 'user-conv-alice' }, ALICE.email, 'wrong');
    const r = h.t.store.repositories;
    const before = {
      text: await h.t.fileText(),
      orders: (await r.orders.list()).length,
      aliceOrderIds: (await r.orders.forCustomer(ALICE.id)).map((o) => o.id),
      feedback: (await r.feedback.list()).length,
      events: (await r.suggestionEvents.list()).length,
    };
    await h.privacy.erase(ALICE.id);
    return { h, before, text: await h.t.fileText() };
  }

  it('leaves the email, name and postcode nowhere in the store file', async () => {
    const { before, text } = await erased();
    for (const personal of [ALICE.email, ALICE.displayName, ALICE.postcode]) {
      expect(occurrences(before.text, personal)).toBeGreaterThan(0);
      expect(occurrences(text, personal)).toBe(0);
    }
    expect(text.toLowerCase()).not.toContain(ALICE.email.split('@')[0]);
    // Orders, feedback, events and segment no longer point at the customer, on disk either.
    expect(occurrences(before.text, `"customerId":"${ALICE.id}"`)).toBeGreaterThan(3);
    expect(occurrences(text, `"customerId":"${ALICE.id}"`)).toBe(0);
  });

  it('keeps every order, re-keyed to a pseudonym that no audit entry names', async () => {
    const { h, before } = await erased();
    const r = h.t.store.repositories;
    expect((await r.orders.list()).length).toBe(before.orders);
    expect(await r.orders.forCustomer(ALICE.id)).toEqual([]);
    const rekeyed = await Promise.all(before.aliceOrderIds.map((id) => r.orders.get(id)));
    const pseudonyms = new Set(rekeyed.map((o) => o?.customerId));
    expect(pseudonyms.size).toBe(1);
    const [pseudonym] = [...pseudonyms];
    expect(pseudonym).toMatch(/^anon-[0-9a-f]{16}$/);
    expect(h.erasedHooks).toEqual([{ customerId: ALICE.id, pseudonym }]);

    // That an erasure happened and when, nothing more: no pseudonym, no counts to match the pseudonym's orders by.
    const erasures = (await r.audit.list()).filter((a) => a.action === 'erasure');
    expect(erasures).toEqual([{ id: expect.any(String), at: TEST_NOW.toISOString(), action: 'erasure', subject: ERASED_SUBJECT, actor: 'customer', details: {} }]);
    const auditText = JSON.stringify(await r.audit.list());
    for (const linked of [pseudonym ?? 'no pseudonym', ALICE.id, ALICE.email, ALICE.displayName, ALICE.postcode]) expect(auditText).not.toContain(linked);
  });

  it('unlinks feedback and events, removes the segment, identities and the customer record', async () => {
    const { h, before } = await erased();
    const r = h.t.store.repositories;
    expect(await r.feedback.forCustomer(ALICE.id)).toEqual([]);
    expect(await r.suggestionEvents.forCustomer(ALICE.id)).toEqual([]);
    expect((await r.feedback.list()).length).toBe(before.feedback);
    expect((await r.suggestionEvents.list()).length).toBe(before.events);
    // The scores stay; the free-text comment, which may name the customer, goes.
    expect((await r.feedback.list()).find((f) => f.conversationId === 'conv-alice')).toMatchObject({ customerId: null, csat: 4, comment: null });
    expect(await r.segments.get(ALICE.id)).toBeUndefined();
    expect(await r.customers.get(ALICE.id)).toMatchObject({
      displayName: '', email: '', postcode: '', identities: [], preferences: { categories: [], values: [] },
      consent: { marketing: false, personalization: false }, erasedAt: TEST_NOW.toISOString(),
    });
    expect(await h.privacy.exportData(ALICE.id).catch((e: Error) => e.message)).toMatch('no active customer');
  });

  it("removes the customer's transcripts through the transcript store, and only theirs", async () => {
    const { h } = await erased();
    expect(await h.consoleStore.transcripts.get('conv-alice')).toBeUndefined();
    expect(await h.consoleStore.transcripts.get('conv-guest')).toBeDefined();
    await h.consoleStore.flush();
    const consoleText = await readFile(h.consolePath, 'utf8');
    expect(consoleText).not.toContain('transcript line of the customer');
    expect(consoleText).toContain('a guest asks about candles');
  });

  it('drops the lock entry keyed by the hash of the email (the channel user entry is no longer linked to anyone)', async () => {
    const { h, before, text } = await erased();
    const hash = emailLockKey(ALICE.email).replace('email:', '');
    expect(occurrences(before.text, hash)).toBe(1);
    expect(occurrences(text, hash)).toBe(0);
    expect(Object.keys(await h.t.storedLocks())).toEqual(['user:webchat:user-conv-alice']);
  });

  it('holds after reopening: the erased email identifies nobody, by postcode or by a past order', async () => {
    const { h, before } = await erased();
    await h.t.store.close();
    const reopened = await h.t.reopen();
    const identity = identityOver(reopened);
    const user = { channelId: 'webchat', userId: 'after-erasure' };
    expect(await identity.identify(user, ALICE.email, ALICE.postcode)).toEqual({ kind: 'rejected', attemptsLeft: 2 });
    expect(await identity.identify(user, ALICE.email, before.aliceOrderIds[0])).toEqual({ kind: 'rejected', attemptsLeft: 1 });
    expect(await reopened.repositories.customers.findByEmail(ALICE.email)).toBeUndefined();
    // Other customers are untouched.
    expect((await identity.identify({ channelId: 'webchat', userId: 'jonas' }, JONAS.email, JONAS.postcode)).kind).toBe('identified');
  });
});
