/**
 * Campaign targeting, consent, frequency cap and quiet hours on a real lowdb store and campaign file in a temp
 * folder, with a fake clock and a recording sender in place of the Bot Framework connector.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CampaignStores, StoredReference } from '../../data/campaignPorts';
import { openLowdbCampaignStores } from '../../data/lowdb/campaignStore';
import { openStore, type OpenedStore } from '../../data/openStore';
import { emptyStoreData } from '../../data/storeSchema';
import type { Customer, SegmentAssignment } from '../../domain/model';
import { DEFAULT_CAMPAIGN_SETTINGS, NewCampaignSchema, type CampaignSettings } from '../../services/campaigns/campaignInput';
import { CampaignDispatcher } from '../../services/campaigns/campaignDispatcher';
import { CampaignRefusal, CampaignService } from '../../services/campaigns/campaignService';
import { STOP_FOOTER } from '../../services/campaigns/message';
import { StorePrivacyService } from '../../services/privacyService';
import { customer } from '../data/storeFixtures';
import { silentLogger } from '../support/silentLogger';

const AT = '2026-11-01T12:00:00.000Z';

function member(id: string, rfm: string, rules: string[], persona: string, marketing: boolean): { c: Customer; s: SegmentAssignment } {
  const c = { ...customer(id), consent: { marketing, personalization: true, updatedAt: AT } };
  const s: SegmentAssignment = {
    customerId: id, rfm: { recencyDays: 10, frequency: 2, monetary: 50, r: 3, f: 3, m: 3, label: rfm }, rules, primary: rules[0] ?? rfm,
    persona, cluster: rfm === 'at_risk' ? 1 : 2, computedAt: AT, history: [],
  };
  return { c, s };
}

/** The table: customer × consent × segment → reached or not. */
const TABLE: { id: string; rfm: string; rules: string[]; persona: string; marketing: boolean; reached: boolean }[] = [
  { id: 'A1', rfm: 'at_risk', rules: ['christmas_shoppers'], persona: 'drifting_away', marketing: true, reached: true },
  { id: 'A2', rfm: 'at_risk', rules: ['christmas_shoppers'], persona: 'drifting_away', marketing: false, reached: false },
  { id: 'A3', rfm: 'cant_lose', rules: ['christmas_shoppers'], persona: 'lapsed_champion', marketing: true, reached: true },
  { id: 'A4', rfm: 'at_risk', rules: ['eco_minded'], persona: 'drifting_away', marketing: true, reached: false },
  { id: 'A5', rfm: 'champions', rules: ['christmas_shoppers'], persona: 'champion', marketing: true, reached: false },
  { id: 'A6', rfm: 'cant_lose', rules: [], persona: 'lapsed_champion', marketing: true, reached: false },
  { id: 'A7', rfm: 'cant_lose', rules: ['christmas_shoppers', 'eco_minded'], persona: 'lapsed_champion', marketing: false, reached: false },
];
/** (at_risk OR cant_lose) AND christmas_shoppers. */
const AUDIENCE = { rfmLabels: ['at_risk', 'cant_lose'], ruleSegments: ['christmas_shoppers'] };

interface Harness {
  store: OpenedStore;
  stores: CampaignStores;
  service: CampaignService;
  dispatcher: CampaignDispatcher;
  sent: { customerId: string; conversationId: string; text: string }[];
  clock: { now: Date };
  /** Conversations with a handoff to staff in progress. */
  handoffs: Set<string>;
  close(): Promise<void>;
}

async function harness(settings: Partial<CampaignSettings> = {}, extra: { c: Customer; s: SegmentAssignment }[] = []): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'campaign-svc-'));
  const rows = [...TABLE.map((t) => member(t.id, t.rfm, t.rules, t.persona, t.marketing)), ...extra];
  const store = await openStore({ path: join(dir, 'store.json'), seed: () => ({ ...emptyStoreData(), customers: rows.map((r) => r.c), segments: rows.map((r) => r.s) }) });
  const stores = await openLowdbCampaignStores(join(dir, 'campaigns.json'));
  const clock = { now: new Date('2026-11-02T12:00:00Z') };
  const full: CampaignSettings = { ...DEFAULT_CAMPAIGN_SETTINGS, minAudience: 2, timeZone: 'UTC', ...settings };
  const now = () => clock.now;
  const sent: Harness['sent'] = [];
  const handoffs = new Set<string>();
  const service = new CampaignService({ ...stores, customers: store.repositories.customers, segments: store.repositories.segments, ruleConditions: new Map(), settings: full, now });
  const dispatcher = new CampaignDispatcher({
    ...stores, customers: store.repositories.customers, segments: store.repositories.segments, audit: store.repositories.audit,
    privacy: new StorePrivacyService({ repositories: store.repositories, transcripts: { forCustomer: async () => [], removeCustomer: async () => 0 }, now }),
    picks: async () => ['Lantern (£5.00)'],
    sender: { send: async (ref: StoredReference, text: string) => { sent.push({ customerId: ref.customerId, conversationId: ref.conversationId, text }); } },
    handoffInProgress: async (conversationId) => handoffs.has(conversationId),
    settings: full, now, log: silentLogger,
  });
  return { store, stores, service, dispatcher, sent, clock, handoffs, close: async () => { await stores.close(); await store.close(); await rm(dir, { recursive: true, force: true }); } };
}

async function reference(h: Harness, customerId: string): Promise<void> {
  await h.stores.references.put({ customerId, channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/', conversationId: `conv-${customerId}`, userId: `u-${customerId}`, botId: 'b', botName: 'Shop', updatedAt: AT });
}

async function started(h: Harness, overrides: Record<string, unknown> = {}): Promise<string> {
  const input = NewCampaignSchema.parse({ name: 'Come back', audience: AUDIENCE, message: 'We miss you!', strategy: 'win_back', quietHours: null, ...overrides });
  const campaign = await h.service.create(input, input.audience, 'marketer-1');
  await h.service.change(campaign.id, 'start');
  return campaign.id;
}

describe('campaign targeting and consent', () => {
  it.each(TABLE)('$id ($rfm, $rules, marketing $marketing) → reached: $reached', async (row) => {
    const h = await harness();
    try {
      for (const t of TABLE) await reference(h, t.id);
      await started(h);
      await h.dispatcher.runDue();
      expect(h.sent.some((s) => s.customerId === row.id)).toBe(row.reached);
    } finally {
      await h.close();
    }
  });

  it('reaches exactly the consenting members; each message ends with how to stop; every send is audited', async () => {
    const h = await harness();
    try {
      for (const t of TABLE) await reference(h, t.id);
      const id = await started(h);
      const report = await h.dispatcher.runDue();
      const expected = TABLE.filter((t) => t.reached).map((t) => t.id);
      expect(h.sent.map((s) => s.customerId).sort()).toEqual(expected);
      expect(report).toMatchObject({ sent: expected.length, skipped: 2 });
      for (const s of h.sent) expect(s.text.endsWith(STOP_FOOTER)).toBe(true);
      const audits = (await h.store.repositories.audit.list()).filter((a) => a.action === 'campaign_send');
      expect(audits.map((a) => a.subject).sort()).toEqual(expected);
      expect((await h.service.get(id)).counts).toEqual({ sent: 2, queued: 0, shown: 0, skipped: 2 });
    } finally {
      await h.close();
    }
  });

  it('consent is read again at send time: an opt-out after creation is honoured', async () => {
    const h = await harness();
    try {
      await reference(h, 'A1');
      await reference(h, 'A3');
      const id = await started(h);
      expect((await h.service.dryRun(id)).filter((e) => e.outcome === 'proactive').map((e) => e.customer.id)).toEqual(['A1', 'A3']);
      const a1 = await h.store.repositories.customers.get('A1');
      await h.store.repositories.customers.put({ ...a1!, consent: { ...a1!.consent, marketing: false } });
      await h.dispatcher.runDue();
      expect(h.sent.map((s) => s.customerId)).toEqual(['A3']);
    } finally {
      await h.close();
    }
  });

  it('a dry run sends nothing; without a stored reference the message waits for the next visit, consent checked again then', async () => {
    const h = await harness();
    try {
      const id = await started(h);
      expect((await h.service.dryRun(id)).map((e) => [e.customer.id, e.outcome])).toEqual([
        ['A1', 'next_visit'], ['A2', 'skipped'], ['A3', 'next_visit'], ['A7', 'skipped'],
      ]);
      expect(h.sent).toEqual([]);
      await h.dispatcher.runDue();
      expect(h.sent).toEqual([]);
      expect(await h.dispatcher.nextVisitMessage('A1', 'page-conv-1')).toMatch(/^We miss you!\n\n• Lantern \(£5\.00\)\n\nReply STOP/);
      expect(await h.dispatcher.nextVisitMessage('A1', 'page-conv-2')).toBeNull();
      const a3 = await h.store.repositories.customers.get('A3');
      await h.store.repositories.customers.put({ ...a3!, consent: { ...a3!.consent, marketing: false } });
      expect(await h.dispatcher.nextVisitMessage('A3', 'page-conv-3')).toBeNull();
      expect((await h.service.get(id)).counts).toEqual({ sent: 0, queued: 0, shown: 1, skipped: 3 });
    } finally {
      await h.close();
    }
  });

  it('"stop" in the conversation the message went to opts that customer out at once and durably', async () => {
    const h = await harness();
    try {
      await reference(h, 'A1');
      await started(h);
      await h.dispatcher.runDue();
      expect(await h.dispatcher.stopFrom('conv-nobody')).toBeNull();
      expect(await h.dispatcher.stopFrom('conv-A1')).toEqual({ customerId: 'A1' });
      expect((await h.store.repositories.customers.get('A1'))?.consent.marketing).toBe(false);
      expect((await h.store.repositories.audit.list()).some((a) => a.action === 'consent_change' && a.subject === 'A1')).toBe(true);
    } finally {
      await h.close();
    }
  });
});

describe('refusals', () => {
  it('an audience below the minimum size is refused with the numbers', async () => {
    const h = await harness({ minAudience: 20 });
    try {
      const input = NewCampaignSchema.parse({ name: 'x', audience: AUDIENCE, message: 'hi' });
      await expect(h.service.create(input, input.audience, 'm')).rejects.toThrow(new CampaignRefusal('refused', 'the audience has 4 customers; campaigns need at least 20'));
    } finally {
      await h.close();
    }
  });

  it('an audience naming a protected attribute, or a rule segment defined by one, is refused by the fairness guard', async () => {
    const h = await harness();
    try {
      expect(h.service.protectedReason({ rfmLabels: ['at_risk'], religion: ['christian'] })).toMatch(/religion or belief/);
      expect(h.service.protectedReason({ ruleSegments: ['halal_buyers'] })).toMatch(/religion or belief/);
      const guarded = new CampaignService({ ...h.stores, customers: h.store.repositories.customers, segments: h.store.repositories.segments, ruleConditions: new Map([['quiet_buyers', { values: ['wheelchair'] }]]), settings: DEFAULT_CAMPAIGN_SETTINGS, now: () => h.clock.now });
      expect(guarded.protectedReason({ ruleSegments: ['quiet_buyers'] })).toMatch(/"quiet_buyers" is defined by health or disability/);
      const byAge = new CampaignService({ ...h.stores, customers: h.store.repositories.customers, segments: h.store.repositories.segments, ruleConditions: new Map([['young_adults', { ageBand: ['18-24'] }]]), settings: DEFAULT_CAMPAIGN_SETTINGS, now: () => h.clock.now });
      expect(byAge.protectedReason({ ruleSegments: ['young_adults'] })).toMatch(/"young_adults" is defined by age band, a protected characteristic/);
      expect(h.service.protectedReason(AUDIENCE)).toBeNull();
    } finally {
      await h.close();
    }
  });
});

describe('pacing with a fake clock', () => {
  it('the frequency cap counts every campaign\'s messages in the window, and frees up when the window has passed', async () => {
    const h = await harness({ maxMessages: 1, perDays: 7 });
    try {
      await reference(h, 'A1');
      await started(h, { name: 'first' });
      await h.dispatcher.runDue();
      h.clock.now = new Date('2026-11-08T11:00:00Z'); // 6 days 23 hours later
      await started(h, { name: 'second' });
      await h.dispatcher.runDue();
      expect(h.sent.map((s) => s.customerId)).toEqual(['A1']);
      const skipped = (await h.stores.campaigns.deliveriesFor('A1')).filter((d) => d.outcome === 'skipped');
      expect(skipped.map((d) => d.reason)).toEqual(['frequency_cap']);
      h.clock.now = new Date('2026-11-09T12:00:01Z'); // just over 7 days after the first
      await started(h, { name: 'third' });
      await h.dispatcher.runDue();
      expect(h.sent.map((s) => s.customerId)).toEqual(['A1', 'A1']);
    } finally {
      await h.close();
    }
  });

  it('nothing goes out in quiet hours (local time of the zone, across midnight); it goes once they end', async () => {
    const h = await harness({ timeZone: 'Europe/London' });
    try {
      await reference(h, 'A1');
      h.clock.now = new Date('2026-07-01T20:30:00Z'); // 21:30 in London (BST)
      await started(h, { quietHours: { start: '21:00', end: '09:00' } });
      expect(await h.dispatcher.runDue()).toEqual({ campaigns: 0, sent: 0, queued: 0, skipped: 0, held: 0 });
      h.clock.now = new Date('2026-07-02T07:59:00Z'); // 08:59 local
      await h.dispatcher.runDue();
      expect(h.sent).toEqual([]);
      h.clock.now = new Date('2026-07-02T08:00:00Z'); // 09:00 local
      await h.dispatcher.runDue();
      expect(h.sent.map((s) => s.customerId)).toEqual(['A1']);
    } finally {
      await h.close();
    }
  });

  it('a paused campaign sends nothing until resumed; a finished one completes', async () => {
    const h = await harness();
    try {
      await reference(h, 'A1');
      const id = await started(h);
      await h.service.change(id, 'pause');
      await h.dispatcher.runDue();
      expect(h.sent).toEqual([]);
      await expect(h.service.change(id, 'pause')).rejects.toThrow(/the campaign is paused; it cannot be paused/);
      await h.service.change(id, 'resume');
      await h.dispatcher.runDue();
      await h.dispatcher.runDue();
      expect(h.sent.map((s) => s.customerId)).toEqual(['A1']);
      expect((await h.service.get(id)).campaign.status).toBe('completed');
    } finally {
      await h.close();
    }
  });

  it('a customer talking to staff is held: no message lands mid-handoff; the next batch after it closes sends it', async () => {
    const h = await harness();
    try {
      await reference(h, 'A1');
      await reference(h, 'A3');
      h.handoffs.add('conv-A1');
      const id = await started(h);
      expect(await h.dispatcher.runDue()).toMatchObject({ sent: 1, held: 1 });
      expect(h.sent.map((s) => s.customerId)).toEqual(['A3']);
      await h.dispatcher.runDue();
      expect(h.sent.map((s) => s.customerId)).toEqual(['A3']);
      expect((await h.service.get(id)).campaign.status).toBe('running');
      h.handoffs.delete('conv-A1');
      expect(await h.dispatcher.runDue()).toMatchObject({ sent: 1, held: 0 });
      expect(h.sent.map((s) => s.customerId)).toEqual(['A3', 'A1']);
      await h.dispatcher.runDue();
      expect((await h.service.get(id)).campaign.status).toBe('completed');
    } finally {
      await h.close();
    }
  });
});
