/**
 * Opens the PostgreSQL store: a pool, the migrations (unless turned off), the seed when the database is empty,
 * the repositories of every port and the dialog-state Storage. Nothing per conversation is held in memory.
 */
import type { OpenedStore } from '../openStore';
import type { StoreData } from '../storeSchema';
import { PostgresCatalogRepository } from './catalogRepository';
import { ChangeFeed, newestChangeId } from './changeFeed';
import { PostgresConversationStorage } from './conversationStorage';
import { PostgresCustomerRepository } from './customerRepository';
import { PostgresLockRepository } from './lockRepository';
import { migrate } from './migrator';
import { PostgresOrderRepository } from './orderRepository';
import { createPool } from './pool';
import { PostgresAuditRepository, PostgresFeedbackRepository, PostgresSuggestionEventRepository } from './recordRepositories';
import { startPruning, type RetentionPolicy } from './retention';
import { seedIfEmpty } from './seedDatabase';
import { PostgresSegmentRepository } from './segmentRepository';
import type { Pool } from 'pg';

export interface OpenPostgresStoreOptions {
  url: string;
  /** Loads the seed; called only when the database has no products and no customers. */
  seed: () => Promise<StoreData>;
  /** Apply pending migrations first (default true; DATABASE_MIGRATE=false when a release step runs them). */
  migrate?: boolean;
  poolSize?: number;
  /** How long to wait at start for a database that is not up yet (default 30 s; containers start in any order). */
  waitMs?: number;
  /** Background pruning of what grows with traffic (off when unset). */
  retention?: RetentionPolicy;
  log?: (msg: string, fields?: Record<string, unknown>) => void;
}

export interface DatabaseHealth {
  ok: boolean;
  latencyMs: number;
}

export interface OpenedPostgresStore extends OpenedStore {
  pool: Pool;
  /** One round trip; never throws. */
  health(): Promise<DatabaseHealth>;
  /** Changes made after the store opened (by any instance), for the in-memory indexes; started by the app. */
  changeFeed: ChangeFeed;
}

export async function openPostgresStore(options: OpenPostgresStoreOptions): Promise<OpenedPostgresStore> {
  const started = Date.now();
  const pool = createPool(options.url, { max: options.poolSize });
  let changeFeed: ChangeFeed;
  try {
    await waitForDatabase(pool, options.waitMs ?? 30_000, options.log);
    if (options.migrate !== false) await migrate(pool, { log: options.log });
    await seedIfEmpty(pool, options.seed, options.log);
    // Read before anything builds an index from the database, so no change falls between the two.
    changeFeed = new ChangeFeed(pool, options.url, await newestChangeId(pool), { log: options.log });
  } catch (e) {
    await pool.end();
    throw e;
  }
  const conversationStorage = new PostgresConversationStorage(pool);
  const pruning = options.retention && startPruning(pool, options.retention, options.log);
  options.log?.('Store opened', { database: redactedUrl(options.url), ms: Date.now() - started });
  let closed = false;
  return {
    pool,
    changeFeed,
    repositories: {
      customers: new PostgresCustomerRepository(pool),
      catalog: new PostgresCatalogRepository(pool),
      orders: new PostgresOrderRepository(pool),
      segments: new PostgresSegmentRepository(pool),
      feedback: new PostgresFeedbackRepository(pool),
      suggestionEvents: new PostgresSuggestionEventRepository(pool),
      audit: new PostgresAuditRepository(pool),
      locks: new PostgresLockRepository(pool),
    },
    conversationStorage,
    purgeConversationState: (matches) => conversationStorage.purge(matches),
    // Every write resolves once PostgreSQL has committed it: nothing is pending here.
    flush: async () => undefined,
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all([changeFeed.stop(), pruning?.stop()]);
      await pool.end();
    },
    health: async () => {
      const at = Date.now();
      try {
        await pool.query('SELECT 1');
        return { ok: true, latencyMs: Date.now() - at };
      } catch {
        return { ok: false, latencyMs: Date.now() - at };
      }
    },
  };
}

export class DatabaseUnavailableError extends Error {
  constructor(url: string, waitedMs: number, reason: string) {
    super(`The database at ${redactedUrl(url)} did not answer within ${Math.round(waitedMs / 1000)} s: ${reason}`);
    this.name = 'DatabaseUnavailableError';
  }
}

async function waitForDatabase(pool: Pool, waitMs: number, log?: OpenPostgresStoreOptions['log']): Promise<void> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query('SELECT 1');
      return;
    } catch (error) {
      const waited = Date.now() - started;
      const url = (pool.options as { connectionString?: string }).connectionString ?? '';
      if (waited >= waitMs) throw new DatabaseUnavailableError(url, waited, (error as Error).message);
      if (attempt === 1) log?.('Waiting for the database', { database: redactedUrl(url), reason: (error as Error).message });
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, waitMs - waited)));
    }
  }
}

/** The URL without its password, for logs. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}
