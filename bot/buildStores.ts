/**
 * The stores: commerce and console (the lowdb files, or PostgreSQL when DATABASE_URL is set, console included)
 * and the experiments beside them (their own file, or migration 020's tables in the same database).
 */
import { dirname, join } from 'node:path';
import type { Config } from './config';
import { openDatabaseStore, type DatabaseStore } from '../data/openDatabaseStore';
import { DEFAULT_SEED_PATH } from '../data/seedFile';
import type { OpenedConsoleStore } from '../data/consolePorts';
import type { ExperimentRepository } from '../data/ports';
import { experimentFilePath, LowdbExperimentRepository } from '../data/lowdb/experimentRepository';
import { PostgresExperimentRepository } from '../data/postgres/experimentRepository';
import type { Logger } from '../logging/logger';

export interface Stores {
  store: DatabaseStore;
  consoleStore: OpenedConsoleStore;
  experiments: ExperimentRepository & { close(): Promise<void> };
  close(): Promise<void>;
}

export async function buildStores(config: Config, log: Logger): Promise<Stores> {
  const store = await openDatabaseStore({
    databaseUrl: config.DATABASE_URL, storePath: config.STORE_PATH, seedPath: DEFAULT_SEED_PATH, migrate: config.DATABASE_MIGRATE,
    poolSize: config.DATABASE_POOL_SIZE, log: (msg, fields) => log.info(msg, fields),
    retention: {
      stateTtlDays: config.STATE_TTL_DAYS, suggestionEventDays: config.SUGGESTION_EVENT_RETENTION_DAYS, transcriptDays: config.TRANSCRIPT_RETENTION_DAYS,
    },
    consoleStorePath: config.CONSOLE_STORE_PATH ?? join(dirname(config.STORE_PATH), 'console.json'),
  });
  const experiments = config.DATABASE_URL
    ? PostgresExperimentRepository.open(config.DATABASE_URL)
    : await LowdbExperimentRepository.open(experimentFilePath(config.STORE_PATH));
  return {
    store, consoleStore: store.console, experiments,
    close: async () => { await Promise.all([store.close(), experiments.close()]); },
  };
}
