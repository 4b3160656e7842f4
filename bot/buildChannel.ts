/**
 * The channel side: conversation state, the main dialog and the bot, the Bot Framework adapters with their
 * middleware (one fresh adapter per websocket connection, as in Bot Framework's samples), and the live handoff hub.
 */
import type { CloudAdapter, Middleware, TurnContext } from 'botbuilder';
import type { Config } from './config';
import { createAdapter, createBotAuthentication } from './adapter';
import { ShoppingBot } from './shoppingBot';
import { annotationsMiddleware, speechMiddleware } from './turnMiddleware';
import { TranscriptMiddleware } from './transcriptMiddleware';
import { TurnLockMiddleware } from './turnLockMiddleware';
import { LiveChatHub } from './liveChatHub';
import { agentHoldMiddleware } from './agentHold';
import { signOutMiddleware } from './signOutEvent';
import { quietStartSink } from './quietStartSink';
import { simulatedClockMiddleware } from './simulatedClock';
import type { Stores } from './buildStores';
import { MainDialog, PerUserConversationState, createSessionAccessor, type SessionPolicy } from '../dialogs';
import type { Recognizer } from '../language/types';
import type { Logger } from '../logging/logger';
import type { Services } from '../services/ports';

export interface Channel {
  adapter: CloudAdapter;
  createStreamingAdapter(): CloudAdapter;
  runTurn(context: TurnContext): Promise<void>;
  liveChat: LiveChatHub;
  policy: SessionPolicy;
  /** Adds a middleware after the built-in ones, to the adapter and to every streaming adapter made later. */
  use(middleware: Middleware): void;
}

export function buildChannel(config: Config, { store, consoleStore }: Stores, services: Services, recognizer: Recognizer, log: Logger): Channel {
  // Per channel user: in a shared conversation each member has their own session and dialog stack.
  const conversationState = new PerUserConversationState(store.conversationStorage);
  const sessions = createSessionAccessor(conversationState);
  const policy: SessionPolicy = { idleMinutes: config.SESSION_IDLE_MINUTES, now: () => new Date() };
  const dialog = new MainDialog(services, recognizer, sessions, policy, config.PUBLIC_BASE_URL);
  const bot = new ShoppingBot({ conversationState, dialog, welcome: (context: TurnContext) => dialog.welcome(context) });

  const auth = createBotAuthentication(config);
  // Live handoff: agents' messages go to the chat page's event stream or, on real channels, proactively.
  const liveChat = new LiveChatHub(auth, config.MicrosoftAppId ?? '', async (conversationId) => (await consoleStore.handoffs.activeFor(conversationId))?.reference ?? null, store.liveRelay);
  const turnLock = new TurnLockMiddleware(store.turnLock);
  const transcripts = new TranscriptMiddleware(quietStartSink(consoleStore.transcripts), { logger: log });
  const added: Middleware[] = [];
  const adapterWithMiddleware = (): CloudAdapter => {
    const adapter = createAdapter(auth, log, conversationState);
    // `npm run simulate` only (refused outside demo mode): a turn may carry the simulated time it happens at.
    if (config.SIMULATION_CLOCK) adapter.use(simulatedClockMiddleware);
    adapter.use(turnLock);
    adapter.use(annotationsMiddleware);
    adapter.use(transcripts);
    adapter.use(speechMiddleware);
    adapter.use(agentHoldMiddleware({ handoffs: consoleStore.handoffs, hub: liveChat }));
    adapter.use(signOutMiddleware(conversationState, sessions));
    for (const middleware of added) adapter.use(middleware);
    return adapter;
  };
  const adapter = adapterWithMiddleware();
  return {
    adapter, createStreamingAdapter: adapterWithMiddleware, runTurn: (context) => bot.run(context), liveChat, policy,
    use: (middleware) => {
      added.push(middleware);
      adapter.use(middleware);
    },
  };
}
