/**
 * Campaigns, their deliveries and customers' conversation references in one lowdb file next to the store
 * (`<STORE_PATH>.campaigns.json`): validated on load, written atomically and durably (DurableJsonFile).
 * Small data (one delivery per campaign and customer), so whole-file writes, coalesced, are enough.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import {
  CampaignDeliverySchema, CampaignSchema, StoredReferenceSchema,
  type CampaignDelivery, type CampaignRepository, type CampaignStores, type ConversationReferenceRepository,
} from '../campaignPorts';
import { DurableJsonFile } from './durableJsonFile';
import { PersistentDocument } from './persistentDocument';

const CampaignFileSchema = z.object({
  campaigns: z.array(CampaignSchema),
  deliveries: z.array(CampaignDeliverySchema),
  references: z.array(StoredReferenceSchema),
});
type CampaignFile = z.infer<typeof CampaignFileSchema>;

const copy = <T>(value: T): T => structuredClone(value);
const DELIVERED = new Set(['sent', 'shown']);
const byTime = (a: CampaignDelivery, b: CampaignDelivery): number => Date.parse(a.at) - Date.parse(b.at);

export async function openLowdbCampaignStores(path: string): Promise<CampaignStores> {
  await mkdir(dirname(path), { recursive: true });
  const adapter = new DurableJsonFile(path, CampaignFileSchema);
  const db = new Low<CampaignFile>(adapter, { campaigns: [], deliveries: [], references: [] });
  await db.read();
  const doc = new PersistentDocument(db, adapter, 'campaign store');

  const campaigns: CampaignRepository = {
    put: (campaign) => doc.change((data) => {
      const parsed = CampaignSchema.parse(campaign);
      const at = data.campaigns.findIndex((c) => c.id === parsed.id);
      if (at >= 0) data.campaigns[at] = parsed;
      else data.campaigns.push(parsed);
    }),
    get: async (id) => copy(doc.data.campaigns.find((c) => c.id === id)),
    list: async () => copy([...doc.data.campaigns].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))),
    putDelivery: (delivery) => doc.change((data) => {
      const parsed = CampaignDeliverySchema.parse(delivery);
      const at = data.deliveries.findIndex((d) => d.campaignId === parsed.campaignId && d.customerId === parsed.customerId);
      if (at >= 0) data.deliveries[at] = parsed;
      else data.deliveries.push(parsed);
    }),
    deliveriesOf: async (campaignId) => copy(doc.data.deliveries.filter((d) => d.campaignId === campaignId)
      .sort((a, b) => byTime(a, b) || a.customerId.localeCompare(b.customerId))),
    deliveriesFor: async (customerId) => copy(doc.data.deliveries.filter((d) => d.customerId === customerId)
      .sort((a, b) => byTime(a, b) || a.campaignId.localeCompare(b.campaignId))),
    lastDeliveredIn: async (conversationId) => {
      let latest: CampaignDelivery | undefined;
      for (const d of doc.data.deliveries) {
        if (d.conversationId === conversationId && DELIVERED.has(d.outcome) && (!latest || Date.parse(d.at) > Date.parse(latest.at))) latest = d;
      }
      return copy(latest);
    },
    removeCustomer: (customerId) => doc.change((data) => {
      const before = data.deliveries.length;
      data.deliveries = data.deliveries.filter((d) => d.customerId !== customerId);
      return before - data.deliveries.length;
    }),
  };

  const references: ConversationReferenceRepository = {
    put: (reference) => doc.change((data) => {
      const parsed = StoredReferenceSchema.parse(reference);
      const at = data.references.findIndex((r) => r.customerId === parsed.customerId && r.channelId === parsed.channelId);
      if (at >= 0) data.references[at] = parsed;
      else data.references.push(parsed);
    }),
    forCustomer: async (customerId) => copy(doc.data.references.filter((r) => r.customerId === customerId)
      .sort((a, b) => a.channelId.localeCompare(b.channelId))),
    removeCustomer: (customerId) => doc.change((data) => {
      const before = data.references.length;
      data.references = data.references.filter((r) => r.customerId !== customerId);
      return before - data.references.length;
    }),
  };

  // One process per lowdb store: nothing else can be sending.
  return { campaigns, references, runAlone: (work) => work(), close: () => doc.close() };
}
