/**
 * Soak on PostgreSQL: the bot as a child process on a throwaway server (the machine's binaries), N shopping turns
 * from many conversations at a fixed concurrency, RSS of the bot process sampled every `--every` turns.
 *
 *   npm run bench:pg-soak -- [--turns 20000] [--every 5000] [--concurrency 16]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { postgresMissingReason, startTestCluster } from '../scripts/support/postgres';
import { answersTurns, freePort, startServer } from './servers';

const { values: args } = parseArgs({
  options: { turns: { type: 'string', default: '20000' }, every: { type: 'string', default: '5000' }, concurrency: { type: 'string', default: '16' } },
});
const TEXTS = ['show me candles', 'cheaper', 'show me bags', 'something else', 'gifts under 10 pounds', 'hi'];

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:')) ?? '0';
  return Math.round(Number(line.replace(/\D+/g, '')) / 1024);
}

async function main(): Promise<void> {
  const missing = postgresMissingReason();
  if (missing) throw new Error(missing);
  const [turns, every, concurrency] = [Number(args.turns), Number(args.every), Number(args.concurrency)];
  const cluster = await startTestCluster();
  const dir = mkdtempSync(join(tmpdir(), 'soak-pg-'));
  try {
    const url = await cluster.freshDatabase();
    const port = await freePort();
    const bot = await startServer('shopping assistant', 'bot/index.ts', [], {
      PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: url, STORE_PATH: join(dir, 'store.json'), LOG_LEVEL: 'error',
      IDENTITY_SECRET: 'soak-secret-soak-secret-soak-secret-0123',
    }, port, answersTurns);
    const pid = bot.child.pid!;
    process.stdout.write(`Soak on PostgreSQL: ${turns} turns, ${concurrency} at a time, 6-turn conversations\nturns      RSS MB   turns/s\n`);
    process.stdout.write(`${'0'.padStart(6)} ${String(rssMb(pid)).padStart(9)}\n`);
    let next = 0;
    let errors = 0;
    let windowStart = Date.now();
    const worker = async () => {
      for (;;) {
        const n = next++;
        if (n >= turns) return;
        const conversation = `soak-${Math.floor(n / TEXTS.length)}`;
        const res = await fetch(`${bot.url}/api/messages`, {
          method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'message', text: TEXTS[n % TEXTS.length], channelId: 'soak', deliveryMode: 'expectReplies', serviceUrl: 'http://127.0.0.1:1',
            conversation: { id: conversation }, from: { id: `u-${conversation}` }, recipient: { id: 'bot' },
          }),
        }).catch(() => null);
        if (res?.status !== 200) errors += 1;
        else await res.arrayBuffer();
        if ((n + 1) % every === 0) {
          const rate = every / ((Date.now() - windowStart) / 1000);
          windowStart = Date.now();
          process.stdout.write(`${String(n + 1).padStart(6)} ${String(rssMb(pid)).padStart(9)} ${rate.toFixed(0).padStart(9)}\n`);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    process.stdout.write(`errors: ${errors}\n`);
    await bot.stop();
  } finally {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`soak failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
