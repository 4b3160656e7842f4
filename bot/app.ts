/**
 * Builds the whole application from a validated config: store, segments, recommender, recognizer, services,
 * dialogs, bot, adapter, middleware and server. index.ts only reads the config, calls this and listens.
 */
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Server } from 'restify';
import type { TurnContext } from 'botbuilder';
import type { Config } from './config';
import { authMode, numberLimits } from './config';
import { createAdapter, createBotAuthentication } from './adapter';
import { createServer } from './server';
import { anonymousServiceUrlCheck } from './anonymousReplies';
import type { AlexaRouteOptions } from './alexa/alexaRoute';
import { ShoppingBot } from './shoppingBot';
import { annotationsMiddleware, speechMiddleware } from './turnMiddleware';
import { TranscriptMiddleware } from './transcriptMiddleware';
import { TurnLockMiddleware } from './turnLockMiddleware';
import { applyChanges } from './changeFeedSync';
import { buildServices } from './services';
import { openDatabaseStore } from '../data/openDatabaseStore';
import { DEFAULT_SEED_PATH } from '../data/seedFile';
import { openConsoleStore } from '../data/console/consoleStore';
import { DEMO_CUSTOMERS } from '../data/seed/demoCustomers';
import { MainDialog, PerUserConversationState, createSessionAccessor } from '../dialogs';
import { registerReviewRoutes } from '../review/reviewRoutes';
import { registerWebRoutes } from '../review/webRoutes';
import { registerOrderRoutes } from './orderRoutes';
import { OrderIntakeService } from '../services/orderIntake';
import { registerProductRoutes } from './productRoutes';
import { registerProductImageRoutes } from './productImageRoutes';
import { CatalogUpdateService } from '../services/catalogUpdates';
import { ensureFirstAdmin, HOW_TO_CREATE_ADMIN } from '../review/staffAccounts';
import { PERSONAS, defaultSegmentDefinitions, refreshSegments } from '../recommender/segmentation';
import { signIdentity } from '../services/identityToken';
import type { Logger } from '../services/logger';
import { LiveChatHub } from './liveChatHub';
import { agentHoldMiddleware } from './agentHold';
import { signOutMiddleware } from './signOutEvent';
import { quietStartSink } from './quietStartSink';
import { registerPushRoutes } from './pushRoutes';
import { ResumeTokens } from './resumeTokens';
import { OriginPolicy, registerChatCors } from './cors';
import { registerWidgetRoutes } from './widgetRoutes';
import { registerDemoShop } from './widgetDemoShop';

export interface App {
  server: Server;
  /** Starts listening; resolves with the base URL. */
  listen(port: number, host: string): Promise<string>;
  /** Background start-up work (refreshing stale segments); resolves when done. Never rejects. */
  ready: Promise<void>;
  /** Stops accepting requests, then flushes both stores. */
  close(): Promise<void>;
}

const DEMO_TOKEN_TTL_SECONDS = 15 * 60;

/** Test seams that are not settings: the Alexa certificate download and trusted roots. */
export interface AppOverrides {
  alexa?: Pick<AlexaRouteOptions, 'fetchCertificate' | 'trustedRoots'>;
}

export async function createApp(config: Config, log: Logger, overrides: AppOverrides = {}): Promise<App> {
  const store = await openDatabaseStore({
    databaseUrl: config.DATABASE_URL, storePath: config.STORE_PATH, seedPath: DEFAULT_SEED_PATH, migrate: config.DATABASE_MIGRATE,
    poolSize: config.DATABASE_POOL_SIZE, log: (msg, fields) => log.info(msg, fields),
    retention: { stateTtlDays: config.STATE_TTL_DAYS, suggestionEventDays: config.SUGGESTION_EVENT_RETENTION_DAYS },
  });
  const consoleStore = await openConsoleStore(config.CONSOLE_STORE_PATH ?? join(dirname(config.STORE_PATH), 'console.json'));

  // In demo mode without a configured secret, a random one per start: demo tokens are signed in-process.
  const identitySecret = config.IDENTITY_SECRET ?? randomBytes(32).toString('hex');
  const { services, recognizer, backend, refreshSegmentGroups, recommender, rebuildRecommender } = await buildServices({
    config, store: store.repositories, purgeConversationState: store.purgeConversationState, consoleStore, identitySecret, log,
    // The kept segmentation engine (below) re-keys the erased customer to the pseudonym, as the store does.
    afterErasure: async (customerId, pseudonym) => { (await segmentation)?.reassignCustomer(customerId, pseudonym); },
  });

  // Per channel user: in a shared conversation each member has their own session and dialog stack.
  const conversationState = new PerUserConversationState(store.conversationStorage);
  const sessions = createSessionAccessor(conversationState);
  const dialog = new MainDialog(services, recognizer, sessions, { idleMinutes: config.SESSION_IDLE_MINUTES, now: () => new Date() }, config.PUBLIC_BASE_URL);
  const bot = new ShoppingBot({
    conversationState,
    dialog,
    welcome: (context: TurnContext) => dialog.welcome(context),
  });

  const auth = createBotAuthentication(config);
  // Live handoff: agents' messages go to the chat page's event stream or, on real channels, proactively.
  const liveChat = new LiveChatHub(auth, config.MicrosoftAppId ?? '', (conversationId) => consoleStore.handoffs.activeFor(conversationId)?.reference ?? null);
  const turnLock = new TurnLockMiddleware(store.turnLock);
  const transcripts = new TranscriptMiddleware(quietStartSink(consoleStore.transcripts), { logger: log });
  const withMiddleware = <T extends ReturnType<typeof createAdapter>>(adapter: T): T => {
    adapter.use(turnLock);
    adapter.use(annotationsMiddleware);
    adapter.use(transcripts);
    adapter.use(speechMiddleware);
    adapter.use(agentHoldMiddleware({ handoffs: consoleStore.handoffs, hub: liveChat }));
    adapter.use(signOutMiddleware(conversationState, sessions));
    return adapter;
  };
  let pushRoutes: { closeStreams(): void } | undefined;
  const adapter = withMiddleware(createAdapter(auth, log, conversationState));

  const admin = await ensureFirstAdmin(consoleStore.staff, { email: config.STAFF_ADMIN_EMAIL, password: config.STAFF_ADMIN_PASSWORD });
  if (admin === 'not_configured') log.warn(HOW_TO_CREATE_ADMIN);

  // Segments are refreshed after start so a stale store never delays the first reply.
  const repositories = store.repositories;
  // Erased customers keep only an anonymous stub: they get no segment.
  const activeCustomers = { list: async () => (await repositories.customers.list()).filter((c) => !c.erasedAt) };
  // The engine is kept: order intake applies each new order to it incrementally (and waits for it until then).
  const segmentation = refreshSegments({ ...repositories, customers: activeCustomers }, defaultSegmentDefinitions(), {
    maxAgeMs: config.SEGMENT_MAX_AGE_HOURS * 3_600_000,
    // One overflowing order (stored before orders were bounded) is left out; everyone else still gets segments.
    onOrderLeftOut: (order, reason) => log.warn('order left out of segments', { orderId: order.id, reason }),
  })
    .then(async ({ engine, written, assignments }) => {
      if (written) {
        log.info('segments recomputed', { customers: assignments.length });
        await refreshSegmentGroups().catch((error: unknown) => log.error('segment groups not refreshed', { error }));
      }
      return engine;
    }, (error: unknown) => {
      log.error('segment refresh failed', { error });
      return null;
    });
  const ready = segmentation.then(() => undefined);
  // Several instances on one database: orders, catalogue and customer changes made elsewhere reach this one's indexes.
  store.changeFeed?.start(applyChanges({ recommender, segmentation: () => segmentation, rebuildRecommender }));

  const orderIntake = new OrderIntakeService({
    ...store.repositories, recommender, segmentation: () => segmentation, log,
  });
  const catalogue = new CatalogUpdateService({ catalog: store.repositories.catalog, recommender, log });

  const server = createServer({
    adapter,
    createStreamingAdapter: () => withMiddleware(createAdapter(auth, log, conversationState)),
    runTurn: (context) => bot.run(context),
    maxBodyBytes: config.MAX_BODY_BYTES,
    checkServiceUrl: authMode(config) === 'anonymous' ? anonymousServiceUrlCheck(config.ANONYMOUS_SERVICE_URLS) : undefined,
    log,
    alexa: { skipVerification: config.ALEXA_SKIP_VERIFICATION, skillId: config.ALEXA_SKILL_ID, botAppId: config.MicrosoftAppId, ...overrides.alexa },
    health: async () => ({ auth: authMode(config), recognizer: backend, demoMode: config.DEMO_MODE, database: await store.health() }),
    extraRoutes: (s) => {
      // The chat widget on shops' sites (README "Put the chat on your shop's site"): CORS, loader, frame, demo shop.
      const origins = new OriginPolicy(config.ALLOWED_ORIGINS, config.PUBLIC_BASE_URL, config.TRUST_PROXY);
      registerChatCors(s, origins);
      const widgetTheme = { color: config.WIDGET_COLOR, name: config.WIDGET_NAME, avatar: config.WIDGET_AVATAR_URL, greeting: config.WIDGET_GREETING };
      registerWidgetRoutes(s, { webRoot: join(__dirname, '..', 'web'), policy: origins, theme: widgetTheme, logger: log });
      if (config.DEMO_MODE) registerDemoShop(s, { webRoot: join(__dirname, '..', 'web'), catalog: store.repositories.catalog, logger: log });
      registerReviewRoutes(s, {
        console: consoleStore,
        customers: store.repositories.customers,
        feedback: store.repositories.feedback,
        suggestionEvents: store.repositories.suggestionEvents,
        audit: store.repositories.audit,
        catalog: store.repositories.catalog,
        logger: log,
        trustProxy: config.TRUST_PROXY,
        allowedOrigins: config.CONSOLE_ALLOWED_ORIGINS,
        describePersona: (id) => PERSONAS.get(id),
        shopperChannel: liveChat,
      });
      pushRoutes = registerPushRoutes(s, {
        tokens: new ResumeTokens(identitySecret, config.CHAT_RESUME_HOURS), hub: liveChat, transcripts: consoleStore.transcripts,
        conversationStorage: store.conversationStorage, policy: { idleMinutes: config.SESSION_IDLE_MINUTES, now: () => new Date() }, logger: log,
      });
      // One shop API key (ORDERS_API_KEY) guards both routes the shop pushes to.
      registerOrderRoutes(s, { apiKey: config.ORDERS_API_KEY, intake: orderIntake, log, limits: numberLimits(config) });
      registerProductImageRoutes(s, { catalog: store.repositories.catalog, log });
      registerProductRoutes(s, { apiKey: config.ORDERS_API_KEY, catalogue, log, limits: numberLimits(config) });
      registerWebRoutes(s, {
        webRoot: join(__dirname, '..', 'web'),
        demoMode: config.DEMO_MODE,
        signDemoIdentity: (customerId) => signIdentity(customerId, identitySecret, DEMO_TOKEN_TTL_SECONDS),
        demoCustomers: DEMO_CUSTOMERS.map((c) => ({ id: c.id, displayName: c.displayName })),
        logger: log,
      });
    },
  });

  return {
    server,
    ready,
    listen: (port, host) => new Promise((resolve) => {
      server.listen(port, host, () => resolve(server.url.replace('[::]', 'localhost').replace('0.0.0.0', 'localhost')));
    }),
    close: async () => {
      await ready;
      pushRoutes?.closeStreams();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([store.close(), consoleStore.close()]);
    },
  };
}
