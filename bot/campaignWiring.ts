/**
 * Builds the campaign feature from the config: its store (lowdb next to STORE_PATH, or PostgreSQL's tables of
 * migration 010), the service behind /api/review/campaigns, the dispatcher with the proactive sender, the
 * background scheduler and the turn middleware.
 */
import type { CloudAdapter, Middleware } from 'botbuilder';
import type { Config } from './config';
import type { CampaignStores } from '../data/campaignPorts';
import { openLowdbCampaignStores } from '../data/lowdb/campaignStore';
import { postgresCampaignStores } from '../data/postgres/campaignStore';
import { createPool } from '../data/postgres/pool';
import type { HandoffRepository } from '../data/consolePorts';
import type { Repositories } from '../data/ports';
import { defaultSegmentDefinitions, PERSONAS, RFM_LABELS } from '../recommender/segmentation';
import { parseQuietHours, type CampaignSettings } from '../services/campaigns/campaignInput';
import { CampaignDispatcher } from '../services/campaigns/campaignDispatcher';
import { CampaignService } from '../services/campaigns/campaignService';
import { picksFor } from '../services/campaigns/message';
import { startCampaignScheduler, type CampaignScheduler } from '../services/campaigns/scheduler';
import type { Logger } from '../logging/logger';
import type { Services } from '../services/ports';
import { campaignMiddleware } from './campaignMiddleware';
import { BotFrameworkProactiveSender } from './proactiveSender';

export interface Campaigns {
  service: CampaignService;
  dispatcher: CampaignDispatcher;
  middleware: Middleware;
  /** Erasure: the customer's deliveries and conversation references go. */
  forgetCustomer(customerId: string): Promise<void>;
  /** Data export: the campaign messages sent, shown or held for the customer, and where proactive ones may go. */
  dataOf(customerId: string): Promise<{ deliveries: unknown[]; conversationReferences: unknown[] }>;
  /** Stops the scheduler (waiting for a run in progress), then closes the store. */
  close(): Promise<void>;
}

export function campaignSettings(config: Config): CampaignSettings {
  return {
    minAudience: config.CAMPAIGN_MIN_AUDIENCE, maxMessages: config.CAMPAIGN_MAX_PER_WEEK, perDays: 7,
    quietHours: parseQuietHours(config.CAMPAIGN_QUIET_HOURS), timeZone: config.CAMPAIGN_TIMEZONE,
    batchSize: config.CAMPAIGN_BATCH_SIZE, queuedDays: 14,
  };
}

export async function openCampaignStores(config: Config): Promise<CampaignStores> {
  if (config.DATABASE_URL) return postgresCampaignStores(createPool(config.DATABASE_URL, { max: 2 }), true);
  return openLowdbCampaignStores(`${config.STORE_PATH}.campaigns.json`);
}

export interface CampaignInputs {
  config: Config;
  repositories: Repositories;
  /** Conversations with a handoff in progress get no campaign message until it is closed. */
  handoffs: Pick<HandoffRepository, 'activeFor'>;
  services: Pick<Services, 'identity' | 'suggestions' | 'privacy'>;
  /** The adapter proactive messages go through (built after the middleware list that includes ours). */
  adapter: () => CloudAdapter;
  log: Logger;
  now?: () => Date;
}

export async function openCampaigns(inputs: CampaignInputs): Promise<Campaigns> {
  const { config, repositories, handoffs, services, log } = inputs;
  const now = inputs.now ?? (() => new Date());
  const stores = await openCampaignStores(config);
  const settings = campaignSettings(config);
  const definitions = defaultSegmentDefinitions();
  const ruleConditions = new Map(definitions.map((d) => [d.id, d.when as unknown]));
  const choices = {
    rfmLabels: RFM_LABELS, ruleSegments: definitions.map((d) => d.id), personas: [...PERSONAS.values()].map((p) => ({ id: p.id, name: p.name })),
  };
  const service = new CampaignService({
    ...stores, customers: repositories.customers, segments: repositories.segments, ruleConditions, settings, now, choices,
  });
  const dispatcher = new CampaignDispatcher({
    ...stores, customers: repositories.customers, segments: repositories.segments, audit: repositories.audit,
    privacy: services.privacy,
    picks: (customerId, strategy, conversationId) => picksFor(services, customerId, strategy, conversationId),
    sender: { send: (reference, text) => new BotFrameworkProactiveSender(inputs.adapter(), config.MicrosoftAppId ?? '').send(reference, text) },
    handoffInProgress: async (conversationId) => (await handoffs.activeFor(conversationId)) !== undefined,
    settings, now, log,
  });
  const scheduler: CampaignScheduler | null = config.CAMPAIGN_INTERVAL_SECONDS > 0
    ? startCampaignScheduler(() => stores.runAlone(() => dispatcher.runDue()), config.CAMPAIGN_INTERVAL_SECONDS * 1000, log)
    : null;
  return {
    service,
    dispatcher,
    middleware: campaignMiddleware({ dispatcher, references: stores.references, log, now }),
    forgetCustomer: async (customerId) => {
      await stores.campaigns.removeCustomer(customerId);
      await stores.references.removeCustomer(customerId);
    },
    dataOf: async (customerId) => ({
      deliveries: await stores.campaigns.deliveriesFor(customerId),
      conversationReferences: await stores.references.forCustomer(customerId),
    }),
    close: async () => {
      await scheduler?.stop();
      await stores.close();
    },
  };
}
