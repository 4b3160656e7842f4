/** The two stores: commerce (lowdb file or PostgreSQL, DATABASE_URL) and the console's (staff, transcripts, handoffs). */
import { dirname, join } from 'node:path';
import type { Config } from './config';
import { openDatabaseStore, type DatabaseStore } from '../data/openDatabaseStore';
import { DEFAULT_SEED_PATH } from '../data/seedFile';
import { openConsoleStore, type ConsoleStore } from '../data/console/consoleStore';
import type { Logger } from '../logging/logger';

export interface Stores {
  store: DatabaseStore;
  consoleStore: ConsoleStore;
  close(): Promise<void>;
}

export async function buildStores(config: Config, log: Logger): Promise<Stores> {
  const store = await openDatabaseStore({
    databaseUrl: config.DATABASE_URL, storePath: config.STORE_PATH, seedPath: DEFAULT_SEED_PATH, migrate: config.DATABASE_MIGRATE,
    poolSize: config.DATABASE_POOL_SIZE, log: (msg, fields) => log.info(msg, fields),
    retention: { stateTtlDays: config.STATE_TTL_DAYS, suggestionEventDays: config.SUGGESTION_EVENT_RETENTION_DAYS },
  });
  const consoleStore = await openConsoleStore(config.CONSOLE_STORE_PATH ?? join(dirname(config.STORE_PATH), 'console.json'));
  return { store, consoleStore, close: async () => { await Promise.all([store.close(), consoleStore.close()]); } };
}
