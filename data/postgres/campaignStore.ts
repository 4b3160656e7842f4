/**
 * Campaigns, deliveries and conversation references in PostgreSQL (tables of migration 010). The pool is the
 * caller's: the migrations ran when the main store opened.
 */
import type { Pool } from 'pg';
import { onOneInstanceAtATime } from './oneInstanceAtATime';
import {
  CampaignSchema, type Campaign, type CampaignDelivery, type CampaignRepository, type CampaignStores,
  type ConversationReferenceRepository, type DeliveryOutcome, type StoredReference,
} from '../campaignPorts';

interface DeliveryRow {
  campaign_id: string;
  customer_id: string;
  outcome: DeliveryOutcome;
  reason: string | null;
  conversation_id: string | null;
  at: Date;
}

interface ReferenceRow {
  customer_id: string;
  channel_id: string;
  service_url: string;
  conversation_id: string;
  user_id: string;
  bot_id: string;
  bot_name: string;
  updated_at: Date;
}

const DELIVERY_COLUMNS = 'campaign_id, customer_id, outcome, reason, conversation_id, at';

function delivery(row: DeliveryRow): CampaignDelivery {
  return {
    campaignId: row.campaign_id, customerId: row.customer_id, outcome: row.outcome, reason: row.reason,
    conversationId: row.conversation_id, at: row.at.toISOString(),
  };
}

function reference(row: ReferenceRow): StoredReference {
  return {
    customerId: row.customer_id, channelId: row.channel_id, serviceUrl: row.service_url, conversationId: row.conversation_id,
    userId: row.user_id, botId: row.bot_id, botName: row.bot_name, updatedAt: row.updated_at.toISOString(),
  };
}

export function postgresCampaignStores(pool: Pool, ownsPool = false): CampaignStores {
  const campaigns: CampaignRepository = {
    put: async (campaign: Campaign) => {
      const parsed = CampaignSchema.parse(campaign);
      await pool.query(
        `INSERT INTO campaigns (id, created_at, doc) VALUES ($1, $2, $3)
         ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc`,
        [parsed.id, parsed.createdAt, JSON.stringify(parsed)],
      );
    },
    get: async (id) => {
      const { rows } = await pool.query<{ doc: Campaign }>('SELECT doc FROM campaigns WHERE id = $1', [id]);
      return rows[0]?.doc;
    },
    list: async () => (await pool.query<{ doc: Campaign }>('SELECT doc FROM campaigns ORDER BY created_at DESC, id DESC')).rows.map((r) => r.doc),
    putDelivery: async (d) => {
      await pool.query(
        `INSERT INTO campaign_deliveries (${DELIVERY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (campaign_id, customer_id) DO UPDATE SET outcome = EXCLUDED.outcome, reason = EXCLUDED.reason,
           conversation_id = EXCLUDED.conversation_id, at = EXCLUDED.at`,
        [d.campaignId, d.customerId, d.outcome, d.reason, d.conversationId, d.at],
      );
    },
    deliveriesOf: async (campaignId) => (await pool.query<DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM campaign_deliveries WHERE campaign_id = $1 ORDER BY at, customer_id`, [campaignId],
    )).rows.map(delivery),
    deliveriesFor: async (customerId) => (await pool.query<DeliveryRow>(
      `SELECT ${DELIVERY_COLUMNS} FROM campaign_deliveries WHERE customer_id = $1 ORDER BY at, campaign_id`, [customerId],
    )).rows.map(delivery),
    lastDeliveredIn: async (conversationId) => {
      const { rows } = await pool.query<DeliveryRow>(
        `SELECT ${DELIVERY_COLUMNS} FROM campaign_deliveries
         WHERE conversation_id = $1 AND outcome IN ('sent', 'shown') ORDER BY at DESC LIMIT 1`, [conversationId],
      );
      return rows[0] ? delivery(rows[0]) : undefined;
    },
    removeCustomer: async (customerId) => (await pool.query('DELETE FROM campaign_deliveries WHERE customer_id = $1', [customerId])).rowCount ?? 0,
  };

  const references: ConversationReferenceRepository = {
    put: async (r) => {
      await pool.query(
        `INSERT INTO conversation_references (customer_id, channel_id, service_url, conversation_id, user_id, bot_id, bot_name, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (customer_id, channel_id) DO UPDATE SET service_url = EXCLUDED.service_url,
           conversation_id = EXCLUDED.conversation_id, user_id = EXCLUDED.user_id, bot_id = EXCLUDED.bot_id,
           bot_name = EXCLUDED.bot_name, updated_at = EXCLUDED.updated_at`,
        [r.customerId, r.channelId, r.serviceUrl, r.conversationId, r.userId, r.botId, r.botName, r.updatedAt],
      );
    },
    forCustomer: async (customerId) => (await pool.query<ReferenceRow>(
      'SELECT * FROM conversation_references WHERE customer_id = $1 ORDER BY channel_id', [customerId],
    )).rows.map(reference),
    removeCustomer: async (customerId) => (await pool.query('DELETE FROM conversation_references WHERE customer_id = $1', [customerId])).rowCount ?? 0,
  };

  return {
    campaigns, references,
    runAlone: (work) => onOneInstanceAtATime(pool, 'campaign-sender', work),
    close: async () => { if (ownsPool) await pool.end(); },
  };
}
