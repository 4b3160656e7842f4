/**
 * Builds the whole application from a validated config, top to bottom: stores, domain services and recognizer,
 * segments, the channel (dialogs, bot, adapters), the HTTP server and its routes. index.ts only reads the config,
 * calls this and listens.
 */
import { identitySecret } from './identitySecret';
import type { Server } from 'restify';
import type { Config } from './config';
import { authMode } from './config';
import { createServer } from './server';
import { anonymousServiceUrlCheck } from './anonymousReplies';
import type { AlexaRouteOptions } from './alexa/alexaRoute';
import { applyChanges } from './changeFeedSync';
import { buildStores } from './buildStores';
import { buildServices } from './buildServices';
import { openModelCache } from './modelCache';
import { keepTrainedModelsIn } from '../language/local/softmax';
import { startSegmentation } from './buildSegments';
import { buildChannel } from './buildChannel';
import { ErasureHooks } from './erasureHooks';
import { ExportSections } from '../services/exportSections';
import { registerRoutes } from './routes';
import { ensureFirstAdmin, HOW_TO_CREATE_ADMIN } from '../review/staffAccounts';
import { OrderIntakeService } from '../services/orderIntake';
import { CatalogUpdateService } from '../services/catalogUpdates';
import { onlyActiveCustomers } from '../services/activeAssignments';
import { ExperimentService } from '../services/experiments/experimentService';
import { turnNow } from '../services/experiments/turnClock';
import { openCampaigns } from './campaignWiring';
import type { Logger } from '../logging/logger';
import type { SegmentAssignment } from '../domain/model';

export interface App {
  server: Server;
  /** Starts listening; resolves with the base URL. */
  listen(port: number, host: string): Promise<string>;
  /** Background start-up work (refreshing stale segments); resolves when done. Never rejects. */
  ready: Promise<void>;
  /** Stops accepting requests, then flushes both stores. */
  close(): Promise<void>;
}

/** Test seams that are not settings: the Alexa certificate download and trusted roots. */
export interface AppOverrides {
  alexa?: Pick<AlexaRouteOptions, 'fetchCertificate' | 'trustedRoots'>;
}

export async function createApp(config: Config, log: Logger, overrides: AppOverrides = {}): Promise<App> {
  const stores = await buildStores(config, log);
  const { store, consoleStore } = stores;
  const secret = await identitySecret(config, log);

  // Domain: services, recognizer, recommender, segments. Each adds what an erasure must forget to `erasure`.
  const erasure = new ErasureHooks();
  const exportSections = new ExportSections();
  // Fitted models kept across restarts (the recommender's fits, the intent model): bot/modelCache.ts.
  const modelCache = openModelCache(config, log);
  if (modelCache) keepTrainedModelsIn(modelCache);
  const { services, recognizer, backend, refreshSegmentGroups, recommender, rebuildRecommender } = await buildServices({
    config, store: store.repositories, purgeConversationState: store.purgeConversationState, consoleStore, identitySecret: secret, log, erasure, exportSections,
    customerSnapshots: store.customerSnapshots, modelCache,
  });
  // Experiments per segment: the customer's variant reaches the dialogs and the suggestion service.
  const experiments = new ExperimentService({
    repository: stores.experiments, now: turnNow, onExposureError: (error) => log.warn('exposure not recorded', { error }),
  });
  services.experiments = experiments;
  erasure.add(async (customerId) => { await stores.experiments.unlinkCustomer(customerId); });
  exportSections.add('experimentExposures', async (customerId) => (await stores.experiments.exposures()).filter((e) => e.customerId === customerId));
  const segmentation = startSegmentation(store.repositories, config, log, refreshSegmentGroups, erasure, modelCache);
  const ready = segmentation.then(() => undefined);
  // Several instances on one database: orders, catalogue and customer changes made elsewhere reach this one's indexes.
  const saveSegments = async (assignments: SegmentAssignment[]) => {
    await store.repositories.segments.putMany(await onlyActiveCustomers(store.repositories.customers, assignments));
  };
  store.changeFeed?.start(applyChanges({ recommender, segmentation: () => segmentation, rebuildRecommender, saveSegments }));
  const orderIntake = new OrderIntakeService({ ...store.repositories, recommender, segmentation: () => segmentation, log });
  const catalogUpdates = new CatalogUpdateService({ catalog: store.repositories.catalog, recommender, log });

  const admin = await ensureFirstAdmin(consoleStore.staff, { email: config.STAFF_ADMIN_EMAIL, password: config.STAFF_ADMIN_PASSWORD });
  if (admin === 'not_configured') log.warn(HOW_TO_CREATE_ADMIN);

  const channel = buildChannel(config, stores, services, recognizer, log);
  // Several instances: agents' messages sent through another instance reach the streams held by this one.
  await channel.liveChat.connectRelay();
  // Campaigns to a segment: proactive messages through the channel's adapter; "stop" after one opts out at once.
  const campaigns = await openCampaigns({ config, repositories: store.repositories, handoffs: consoleStore.handoffs, services, adapter: () => channel.adapter, log });
  channel.use(campaigns.middleware);
  erasure.add((customerId) => campaigns.forgetCustomer(customerId));
  exportSections.add('campaignMessages', (customerId) => campaigns.dataOf(customerId));

  // HTTP: the bot's own routes, then every other route family (bot/routes.ts).
  const server = createServer({
    adapter: channel.adapter,
    createStreamingAdapter: channel.createStreamingAdapter,
    runTurn: channel.runTurn,
    maxBodyBytes: config.MAX_BODY_BYTES,
    checkServiceUrl: authMode(config) === 'anonymous' ? anonymousServiceUrlCheck(config.ANONYMOUS_SERVICE_URLS) : undefined,
    log,
    alexa: { skipVerification: config.ALEXA_SKIP_VERIFICATION, skillId: config.ALEXA_SKILL_ID, botAppId: config.MicrosoftAppId, ...overrides.alexa },
    health: async () => ({ auth: authMode(config), recognizer: backend, demoMode: config.DEMO_MODE, database: await store.health() }),
  });
  const routes = registerRoutes(server, {
    config, stores, channel, orderIntake, catalogUpdates, identitySecret: secret, campaigns: campaigns.service, experiments, log,
  });

  return {
    server,
    ready,
    listen: (port, host) => new Promise((resolve) => {
      server.listen(port, host, () => resolve(server.url.replace('[::]', 'localhost').replace('0.0.0.0', 'localhost')));
    }),
    close: async () => {
      await ready;
      routes.closeStreams();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await campaigns.close();
      await stores.close();
    },
  };
}
