/**
 * Picks the store from the settings: PostgreSQL when a database URL is given, else the embedded lowdb file.
 * Both give the same OpenedStore (every port, dialog-state Storage, erasure purge) plus a health probe.
 */
import { openStore, type OpenedStore, type StoreLogger } from './openStore';
import { openPostgresStore, type DatabaseHealth } from './postgres/openPostgresStore';
import { readSeedFile } from './seedFile';

export interface DatabaseStoreOptions {
  /** postgres://…; unset keeps lowdb at `storePath`. */
  databaseUrl?: string;
  storePath: string;
  /** A seed file (.json or .json.gz) for a new lowdb file or an empty database. */
  seedPath: string;
  migrate?: boolean;
  poolSize?: number;
  log?: StoreLogger;
}

export interface DatabaseStore extends OpenedStore {
  kind: 'postgres' | 'lowdb';
  /** For /healthz: one round trip to the database (lowdb: always ok, it is in-process). Never throws. */
  health(): Promise<DatabaseHealth & { kind: 'postgres' | 'lowdb' }>;
}

export async function openDatabaseStore(options: DatabaseStoreOptions): Promise<DatabaseStore> {
  if (options.databaseUrl) {
    const store = await openPostgresStore({
      url: options.databaseUrl, seed: () => readSeedFile(options.seedPath), migrate: options.migrate,
      poolSize: options.poolSize, log: options.log,
    });
    return { ...store, kind: 'postgres', health: async () => ({ kind: 'postgres', ...(await store.health()) }) };
  }
  const store = await openStore({ path: options.storePath, seed: options.seedPath, log: options.log });
  return { ...store, kind: 'lowdb', health: async () => ({ kind: 'lowdb', ok: true, latencyMs: 0 }) };
}
