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
