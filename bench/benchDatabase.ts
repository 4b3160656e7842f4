/**
 * A throwaway PostgreSQL for the benchmarks (scripts/support/postgres.ts) with pg_stat_statements loaded, so a
 * benchmark can count the statements the bot ran: every statement is one round trip (pg's client sends one query
 * per call and the bot pipelines nothing), BEGIN and COMMIT included.
 */
import { Client } from 'pg';
import { postgresMissingReason, startTestCluster } from '../scripts/support/postgres';

export interface BenchDatabase {
  url: string;
  /** Forgets the statements counted so far. */
  resetStatements(): Promise<void>;
  /** Statements run since the last reset, most frequent first (the benchmark's own queries left out). */
  statements(): Promise<{ query: string; calls: number }[]>;
  /** Customers with orders, for signed-in turns. */
  buyers(limit: number): Promise<string[]>;
  stop(): Promise<void>;
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function startBenchDatabase(): Promise<BenchDatabase> {
  const missing = postgresMissingReason();
  if (missing) throw new Error(missing);
  const cluster = await startTestCluster('-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_utility=on');
  try {
    const url = await cluster.freshDatabase();
    await withClient(url, (c) => c.query('CREATE EXTENSION pg_stat_statements'));
    return {
      url,
      resetStatements: () => withClient(url, async (c) => { await c.query('SELECT pg_stat_statements_reset()'); }),
      statements: () => withClient(url, async (c) => {
        const { rows } = await c.query<{ query: string; calls: string }>(
          `SELECT query, calls FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
           AND query NOT LIKE '%pg_stat_statements%' ORDER BY calls DESC`);
        return rows.map((r) => ({ query: r.query.replace(/\s+/g, ' ').slice(0, 110), calls: Number(r.calls) }));
      }),
      buyers: (limit) => withClient(url, async (c) => {
        const { rows } = await c.query<{ id: string }>(
          'SELECT c.id FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id) ORDER BY c.id LIMIT $1', [limit]);
        return rows.map((r) => r.id);
      }),
      stop: () => cluster.stop(),
    };
  } catch (e) {
    await cluster.stop();
    throw e;
  }
}

/** Statements per turn, and the most frequent ones, as printed lines. */
export function roundTripLines(rows: { query: string; calls: number }[], turns: number, top = 8): string[] {
  const total = rows.reduce((sum, r) => sum + r.calls, 0);
  return [
    `database round trips per turn: ${(total / turns).toFixed(2)} (${turns} turns)`,
    ...rows.slice(0, top).map((r) => `  ${(r.calls / turns).toFixed(2).padStart(6)}  ${r.query}`),
  ];
}
