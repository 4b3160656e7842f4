/**
 * The routes beside /api/messages and /healthz: the console API and pages, the chat page's push routes, and the
 * shop API. A new route family is one more register call here.
 */
import { join } from 'node:path';
import type { Server } from 'restify';
import { numberLimits, type Config } from './config';
import type { Stores } from './buildStores';
import type { Channel } from './buildChannel';
import { registerOrderRoutes } from './orderRoutes';
import { registerProductRoutes } from './productRoutes';
import { registerProductImageRoutes } from './productImageRoutes';
import { registerPushRoutes } from './pushRoutes';
import { ResumeTokens } from './resumeTokens';
import { OriginPolicy, registerChatCors } from './cors';
import { registerWidgetRoutes } from './widgetRoutes';
import { registerDemoShop } from './widgetDemoShop';
import { DEMO_CUSTOMERS } from '../data/seed/demoCustomers';
import type { Logger } from '../logging/logger';
import { PERSONAS } from '../recommender/segmentation';
import { registerReviewRoutes } from '../review/reviewRoutes';
import { registerWebRoutes } from '../review/webRoutes';
import type { CatalogUpdateService } from '../services/catalogUpdates';
import { signIdentity } from '../services/identityToken';
import type { OrderIntakeService } from '../services/orderIntake';
import type { CampaignService } from '../services/campaigns/campaignService';
import type { ExperimentService } from '../services/experiments/experimentService';

const DEMO_TOKEN_TTL_SECONDS = 15 * 60;

export interface RouteDeps {
  config: Config;
  stores: Stores;
  channel: Channel;
  orderIntake: OrderIntakeService;
  catalogUpdates: CatalogUpdateService;
  identitySecret: string;
  campaigns: CampaignService;
  experiments: ExperimentService;
  log: Logger;
}

/** Registers the routes; returns what closing the app must stop (the chat pages' open event streams). */
export function registerRoutes(server: Server, deps: RouteDeps): { closeStreams(): void } {
  const { config, stores: { store, consoleStore }, channel, identitySecret, log } = deps;
  const repositories = store.repositories;
  const webRoot = join(__dirname, '..', 'web');
  // The chat widget on shops' sites (README "Put the chat on your shop's site"): CORS first, loader, frame, demo shop.
  const origins = new OriginPolicy(config.ALLOWED_ORIGINS, config.PUBLIC_BASE_URL, config.TRUST_PROXY);
  registerChatCors(server, origins);
  const widgetTheme = { color: config.WIDGET_COLOR, name: config.WIDGET_NAME, avatar: config.WIDGET_AVATAR_URL, greeting: config.WIDGET_GREETING };
  registerWidgetRoutes(server, { webRoot, policy: origins, theme: widgetTheme, logger: log });
  if (config.DEMO_MODE) registerDemoShop(server, { webRoot, catalog: repositories.catalog, logger: log });
  registerReviewRoutes(server, {
    consoleData: consoleStore, customers: repositories.customers, feedback: repositories.feedback, suggestionEvents: repositories.suggestionEvents,
    audit: repositories.audit, catalog: repositories.catalog, logger: log, trustProxy: config.TRUST_PROXY,
    allowedOrigins: config.CONSOLE_ALLOWED_ORIGINS, describePersona: (id) => PERSONAS.get(id), shopperChannel: channel.liveChat,
    campaigns: deps.campaigns,
    insights: {
      experiments: deps.experiments, orders: repositories.orders, segments: repositories.segments,
      attributionWindowDays: config.ATTRIBUTION_WINDOW_DAYS, clvExpectedYears: config.CLV_EXPECTED_YEARS,
    },
  });
  const pushRoutes = registerPushRoutes(server, {
    tokens: new ResumeTokens(identitySecret, config.CHAT_RESUME_HOURS), hub: channel.liveChat, transcripts: consoleStore.transcripts,
    conversationStorage: store.conversationStorage, policy: channel.policy, logger: log,
  });
  // One shop API key (ORDERS_API_KEY) guards both routes the shop pushes to.
  registerOrderRoutes(server, { apiKey: config.ORDERS_API_KEY, intake: deps.orderIntake, log, limits: numberLimits(config) });
  registerProductImageRoutes(server, { catalog: repositories.catalog, log });
  registerProductRoutes(server, { apiKey: config.ORDERS_API_KEY, catalogUpdates: deps.catalogUpdates, log, limits: numberLimits(config) });
  registerWebRoutes(server, {
    webRoot,
    demoMode: config.DEMO_MODE,
    signDemoIdentity: (customerId) => signIdentity(customerId, identitySecret, DEMO_TOKEN_TTL_SECONDS),
    demoCustomers: DEMO_CUSTOMERS.map((c) => ({ id: c.id, displayName: c.displayName })),
    logger: log,
  });
  return pushRoutes;
}
