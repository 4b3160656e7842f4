/** The contract of the campaign ports (campaigns, deliveries, conversation references), for both stores. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Campaign, CampaignDelivery, CampaignStores, StoredReference } from '../../../data/campaignPorts';
import { openLowdbCampaignStores } from '../../../data/lowdb/campaignStore';
import { createPool } from '../../../data/postgres/pool';
import { migrate } from '../../../data/postgres/migrator';
import { postgresCampaignStores } from '../../../data/postgres/campaignStore';
import type { TestCluster } from '../../support/postgres';

export interface CampaignStoreSession {
  stores: CampaignStores;
  reopen(): Promise<CampaignStores>;
  dispose(): Promise<void>;
}
export interface CampaignStoreFactory { kind: string; open(): Promise<CampaignStoreSession> }

export const lowdbCampaignFactory: CampaignStoreFactory = {
  kind: 'lowdb',
  open: async () => {
    const dir = await mkdtemp(join(tmpdir(), 'campaign-contract-'));
    const path = join(dir, 'store.json.campaigns.json');
    const session: CampaignStoreSession = {
      stores: await openLowdbCampaignStores(path),
      reopen: async () => { await session.stores.close(); session.stores = await openLowdbCampaignStores(path); return session.stores; },
      dispose: async () => { await session.stores.close(); await rm(dir, { recursive: true, force: true }); },
    };
    return session;
  },
};

export function postgresCampaignFactory(cluster: () => TestCluster): CampaignStoreFactory {
  return {
    kind: 'PostgreSQL',
    open: async () => {
      const url = await cluster().freshDatabase();
      const first = createPool(url, { max: 2 });
      await migrate(first);
      const session: CampaignStoreSession = {
        stores: postgresCampaignStores(first, true),
        reopen: async () => { await session.stores.close(); session.stores = postgresCampaignStores(createPool(url, { max: 2 }), true); return session.stores; },
        dispose: () => session.stores.close(),
      };
      return session;
    },
  };
}

const T0 = Date.parse('2026-11-02T10:00:00.000Z');
const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();

export function campaign(id: string, createdMinute: number, overrides: Partial<Campaign> = {}): Campaign {
  return {
    id, name: `Campaign ${id}`, audience: { rfmLabels: ['at_risk'], ruleSegments: [], personas: [], clusters: [] },
    message: 'We miss you', strategy: 'win_back', startAt: at(0), frequencyCap: { maxMessages: 2, perDays: 7 },
    quietHours: { start: '21:00', end: '09:00', timeZone: 'Europe/London' }, status: 'scheduled', createdBy: 'staff-1',
    createdAt: at(createdMinute), updatedAt: at(createdMinute), ...overrides,
  };
}

function deliveryOf(campaignId: string, customerId: string, minute: number, outcome: CampaignDelivery['outcome'], conversationId: string | null = null): CampaignDelivery {
  return { campaignId, customerId, outcome, reason: outcome === 'skipped' ? 'no_consent' : null, conversationId, at: at(minute) };
}

function referenceOf(customerId: string, channelId: string, conversationId: string, minute: number): StoredReference {
  return { customerId, channelId, serviceUrl: 'http://127.0.0.1:9/', conversationId, userId: `u-${customerId}`, botId: 'bot', botName: 'Shop', updatedAt: at(minute) };
}

async function actThenCheck(factory: () => CampaignStoreFactory, act: (s: CampaignStores) => Promise<void>, check: (s: CampaignStores) => Promise<void>): Promise<void> {
  const session = await factory().open();
  try {
    await act(session.stores);
    await check(session.stores);
    await check(await session.reopen());
  } finally {
    await session.dispose();
  }
}

export function campaignContract(factory: () => CampaignStoreFactory): void {
  describe('CampaignRepository', () => {
    it('puts, replaces by id, gets and lists newest first', async () => {
      await actThenCheck(factory, async ({ campaigns }) => {
        await campaigns.put(campaign('A', 1));
        await campaigns.put(campaign('B', 2));
        await campaigns.put(campaign('A', 1, { status: 'paused', updatedAt: at(5) }));
      }, async ({ campaigns }) => {
        expect((await campaigns.list()).map((c) => [c.id, c.status])).toEqual([['B', 'scheduled'], ['A', 'paused']]);
        expect(await campaigns.get('A')).toEqual(campaign('A', 1, { status: 'paused', updatedAt: at(5) }));
        expect(await campaigns.get('nope')).toBeUndefined();
      });
    });

    it('keeps one delivery per campaign and customer, by campaign and by customer, and finds the last one delivered into a conversation', async () => {
      await actThenCheck(factory, async ({ campaigns }) => {
        await campaigns.put(campaign('A', 1));
        await campaigns.put(campaign('B', 2));
        await campaigns.putDelivery(deliveryOf('A', 'C1', 10, 'queued'));
        await campaigns.putDelivery(deliveryOf('A', 'C2', 11, 'skipped'));
        await campaigns.putDelivery(deliveryOf('A', 'C1', 12, 'shown', 'conv-1'));
        await campaigns.putDelivery(deliveryOf('B', 'C1', 20, 'sent', 'conv-1'));
        await campaigns.putDelivery(deliveryOf('B', 'C3', 30, 'skipped', 'conv-1'));
      }, async ({ campaigns }) => {
        expect(await campaigns.deliveriesOf('A')).toEqual([deliveryOf('A', 'C2', 11, 'skipped'), deliveryOf('A', 'C1', 12, 'shown', 'conv-1')]);
        expect(await campaigns.deliveriesFor('C1')).toEqual([deliveryOf('A', 'C1', 12, 'shown', 'conv-1'), deliveryOf('B', 'C1', 20, 'sent', 'conv-1')]);
        // A skipped record is not a message: the last one delivered is B's.
        expect(await campaigns.lastDeliveredIn('conv-1')).toEqual(deliveryOf('B', 'C1', 20, 'sent', 'conv-1'));
        expect(await campaigns.lastDeliveredIn('conv-2')).toBeUndefined();
      });
    });

    it('erasure removes only that customer\'s deliveries', async () => {
      await actThenCheck(factory, async ({ campaigns }) => {
        await campaigns.put(campaign('A', 1));
        await campaigns.putDelivery(deliveryOf('A', 'C1', 10, 'sent', 'conv-1'));
        await campaigns.putDelivery(deliveryOf('A', 'C2', 11, 'sent', 'conv-2'));
        expect(await campaigns.removeCustomer('C1')).toBe(1);
        expect(await campaigns.removeCustomer('C1')).toBe(0);
      }, async ({ campaigns }) => {
        expect((await campaigns.deliveriesOf('A')).map((d) => d.customerId)).toEqual(['C2']);
        expect(await campaigns.lastDeliveredIn('conv-1')).toBeUndefined();
      });
    });
  });

  describe('ConversationReferenceRepository', () => {
    it('keeps the latest reference per customer and channel; erasure removes them', async () => {
      await actThenCheck(factory, async ({ references }) => {
        await references.put(referenceOf('C1', 'msteams', 'conv-old', 1));
        await references.put(referenceOf('C1', 'msteams', 'conv-new', 2));
        await references.put(referenceOf('C1', 'emulator', 'conv-e', 3));
        await references.put(referenceOf('C2', 'msteams', 'conv-2', 4));
        expect(await references.removeCustomer('C2')).toBe(1);
      }, async ({ references }) => {
        expect(await references.forCustomer('C1')).toEqual([referenceOf('C1', 'emulator', 'conv-e', 3), referenceOf('C1', 'msteams', 'conv-new', 2)]);
        expect(await references.forCustomer('C2')).toEqual([]);
      });
    });
  });
}
