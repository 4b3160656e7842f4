/**
 * Picks the store from the settings: PostgreSQL when a database URL is given, else the embedded lowdb file.
 * Both give the same OpenedStore (every port, dialog-state Storage, erasure purge) plus a health probe.
 */
import { openConsoleStore } from './console/consoleStore';
import type { OpenedConsoleStore } from './consolePorts';
import { openStore, type OpenedStore, type StoreLogger } from './openStore';
import type { ChangeHandler } from './postgres/changeFeed';
import { openPostgresStore, type DatabaseHealth } from './postgres/openPostgresStore';
import { postgresConsoleStore } from './postgres/consoleStore';
import { createPool } from './postgres/pool';
import { postgresCustomerSnapshots } from './postgres/customerSnapshots';
import { TurnBatchedSuggestionEvents } from './postgres/turnBatchedEvents';
import { PostgresLiveRelay } from './postgres/liveMessages';
import type { RetentionPolicy } from './postgres/retention';
import { readSeedFile } from './seedFile';
import { inProcessTurnLock, postgresTurnLock, type TurnLock } from './turnLock';

export interface DatabaseStoreOptions {
  /** postgres://…; unset keeps lowdb at `storePath`. */
  databaseUrl?: string;
  storePath: string;
  /** lowdb: the console's file (transcripts, staff, handoffs). */
  consoleStorePath: string;
  /** A seed file (.json or .json.gz) for a new lowdb file or an empty database. */
  seedPath: string;
  migrate?: boolean;
  poolSize?: number;
  /** Background pruning: transcripts on both stores; dialog state and suggestion events on PostgreSQL. */
  retention?: RetentionPolicy;
  log?: StoreLogger;
}

export interface DatabaseStore extends OpenedStore {
  kind: 'postgres' | 'lowdb';
  /** Transcripts, staff accounts and sessions, handoffs and the staff login throttle. */
  console: OpenedConsoleStore;
  /** For /healthz: one round trip to the database (lowdb: always ok, it is in-process). Never throws. */
  health(): Promise<DatabaseHealth & { kind: 'postgres' | 'lowdb' }>;
  /** The turns of one conversation one at a time (across instances on PostgreSQL). */
  turnLock: TurnLock;
  /** PostgreSQL: other instances' changes, to apply to the in-memory indexes (lowdb has one process: none). */
  changeFeed?: { start(apply: ChangeHandler): void };
  /** PostgreSQL: a customer's record, segment and dismissals in one round trip (lowdb: the ports answer from memory). */
  customerSnapshots?: ReturnType<typeof postgresCustomerSnapshots>;
  /** PostgreSQL: live chat pushes reach the instance holding the shopper's stream (lowdb: one process, none needed). */
  liveRelay?: PostgresLiveRelay;
}

export async function openDatabaseStore(options: DatabaseStoreOptions): Promise<DatabaseStore> {
  if (options.databaseUrl) {
    const store = await openPostgresStore({
      url: options.databaseUrl, seed: () => readSeedFile(options.seedPath), migrate: options.migrate,
      poolSize: options.poolSize, retention: options.retention, log: options.log,
    });
    // A turn waits at most this long for another instance to finish a turn of the same conversation.
    const storedEvents = store.repositories.suggestionEvents;
    const turnLock = postgresTurnLock(createPool(options.databaseUrl, { max: options.poolSize, statementTimeoutMs: 30_000 }), (events) => storedEvents.add(events));
    const liveRelay = new PostgresLiveRelay(store.pool, options.databaseUrl, options.log);
    const consoleStore = postgresConsoleStore(store.pool);
    return {
      ...store, kind: 'postgres', turnLock, console: consoleStore, customerSnapshots: postgresCustomerSnapshots(store.pool), liveRelay,
      // A turn's events are stored with its dialog state, in one statement (postgres/turnSession.ts).
      repositories: { ...store.repositories, suggestionEvents: new TurnBatchedSuggestionEvents(storedEvents) },
      health: async () => ({ kind: 'postgres', ...(await store.health()) }),
      close: async () => { await liveRelay.stop(); await Promise.all([turnLock.close(), store.close()]); },
    };
  }
  const store = await openStore({ path: options.storePath, seed: options.seedPath, log: options.log });
  const consoleStore = await openLowdbConsole(options).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  return {
    ...store, kind: 'lowdb', console: consoleStore, turnLock: inProcessTurnLock(),
    health: async () => ({ kind: 'lowdb', ok: true, latencyMs: 0 }),
    flush: async () => { await Promise.all([store.flush(), consoleStore.flush()]); },
    close: async () => { await Promise.all([store.close(), consoleStore.close()]); },
  };
}

function openLowdbConsole(options: DatabaseStoreOptions): Promise<OpenedConsoleStore> {
  const days = options.retention?.transcriptDays;
  return openConsoleStore(options.consoleStorePath, { retention: days ? { days, log: options.log } : undefined });
}
