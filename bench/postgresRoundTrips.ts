/**
 * Database round trips per turn on PostgreSQL: the real app in this process on a throwaway server (the machine's
 * binaries, as the tests start it) with pg_stat_statements, N turns of a mix, then every statement the server ran
 * (BEGIN/COMMIT included, i.e. round trips) divided by N, with the most frequent statements.
 *
 *   npm run bench:pg -- [--turns 200]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { createApp } from '../bot/app';
import { loadConfig } from '../bot/config';
import { createLogger } from '../bot/logger';
import { DEMO_CUSTOMERS } from '../data/seed/demoCustomers';
import { signIdentity } from '../services/identityToken';
import { postgresMissingReason, startTestCluster } from '../scripts/support/postgres';

const { values: args } = parseArgs({ options: { turns: { type: 'string', default: '200' } } });
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';

async function turn(url: string, conversation: string, text: string, identity?: string): Promise<void> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message', text, channelId: 'bench', deliveryMode: 'expectReplies', conversation: { id: conversation },
      from: { id: `u-${conversation}` }, recipient: { id: 'bot' }, serviceUrl: 'http://127.0.0.1:1',
      channelData: identity ? { identity } : undefined,
    }),
  });
  if (res.status !== 200) throw new Error(`turn answered ${res.status}`);
}

async function statements(url: string): Promise<{ query: string; calls: number }[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ query: string; calls: string }>(
      `SELECT query, calls FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND query NOT LIKE '%pg_stat_statements%' ORDER BY calls DESC`);
    return rows.map((r) => ({ query: r.query.replace(/\s+/g, ' ').slice(0, 110), calls: Number(r.calls) }));
  } finally {
    await client.end();
  }
}

async function reset(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('SELECT pg_stat_statements_reset()');
  await client.end();
}

async function main(): Promise<void> {
  const missing = postgresMissingReason();
  if (missing) throw new Error(missing);
  const turns = Number(args.turns);
  const cluster = await startTestCluster('-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_utility=on');
  try {
    const url = await cluster.freshDatabase();
    const setup = new Client({ connectionString: url });
    await setup.connect();
    await setup.query('CREATE EXTENSION pg_stat_statements');
    await setup.end();
    const config = loadConfig({ DATABASE_URL: url, STORE_PATH: join(mkdtempSync(join(tmpdir(), 'bench-pg-')), 'store.json'), IDENTITY_SECRET: SECRET, LOG_LEVEL: 'error' });
    const app = await createApp(config, createLogger('error', () => undefined));
    const base = await app.listen(0, '127.0.0.1');
    await app.ready;
    const identity = signIdentity(DEMO_CUSTOMERS[0].id, SECRET, 600);
    const mixes: [string, (i: number) => Promise<void>][] = [
      ['signed-in "show me candles", a new conversation each', (i) => turn(base, `signed-${i}`, 'show me candles', identity)],
      ['guest "show me candles", a new conversation each', (i) => turn(base, `guest-${i}`, 'show me candles')],
      ['guest "cheaper" after suggestions in the same conversation', (i) => turn(base, `guest-${i}`, 'cheaper')],
    ];
    for (const [name, run] of mixes) {
      await reset(url);
      for (let i = 0; i < turns; i++) await run(i);
      const rows = await statements(url);
      const total = rows.reduce((sum, r) => sum + r.calls, 0);
      process.stdout.write(`\n${name}: ${(total / turns).toFixed(2)} round trips per turn (${turns} turns)\n`);
      for (const r of rows.slice(0, 8)) process.stdout.write(`  ${(r.calls / turns).toFixed(2).padStart(6)}  ${r.query}\n`);
    }
    await app.close();
  } finally {
    await cluster.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
