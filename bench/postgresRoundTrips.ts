/**
 * Database round trips per turn on PostgreSQL: the real app in this process on a throwaway server (the machine's
 * binaries, as the tests start it) with pg_stat_statements, N turns of a mix, then every statement the server ran
 * (BEGIN/COMMIT included, i.e. round trips) divided by N, with the most frequent statements. Background work (the
 * change feed's catch-up poll, retention) runs on timers and shows up as fractions.
 *
 *   npm run bench:pg -- [--turns 200]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../bot/app';
import { loadConfig } from '../bot/config';
import { createLogger } from '../logging/logger';
import { DEMO_CUSTOMERS } from '../data/seed/demoCustomers';
import { signIdentity } from '../services/identityToken';
import { roundTripLines, startBenchDatabase } from './benchDatabase';

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

async function main(): Promise<void> {
  const turns = Number(args.turns);
  const database = await startBenchDatabase();
  try {
    const url = database.url;
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
      await database.resetStatements();
      for (let i = 0; i < turns; i++) await run(i);
      process.stdout.write(`\n${name}\n${roundTripLines(await database.statements(), turns).join('\n')}\n`);
    }
    await app.close();
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
