/**
 * Soak: the bot as a child process on either store, N shopping turns from many 6-turn conversations at a fixed
 * concurrency; every `--every` turns a row with the bot process's RSS, the store files' size (lowdb), the turn rate and
 * the slowest turn of the window (a stall of the event loop shows there).
 *
 *   npm run bench:soak -- [--store lowdb|postgres] [--turns 40000] [--every 5000] [--concurrency 16]
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { postgresMissingReason, startTestCluster, type TestCluster } from '../scripts/support/postgres';
import { answersTurns, freePort, startServer } from './servers';

const { values: args } = parseArgs({
  options: {
    store: { type: 'string', default: 'postgres' },
    turns: { type: 'string', default: '40000' },
    every: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '16' },
  },
});
const TEXTS = ['show me candles', 'cheaper', 'show me bags', 'something else', 'gifts under 10 pounds', 'hi'];

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:')) ?? '0';
  return Math.round(Number(line.replace(/\D+/g, '')) / 1024);
}

/** Size of the store folder's files (lowdb: store, console store and their journals). */
function filesMb(dir: string): number {
  if (!existsSync(dir)) return 0;
  const bytes = readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
  return Math.round(bytes / 1024 / 102.4) / 10;
}

async function main(): Promise<void> {
  const store = args.store;
  if (store !== 'lowdb' && store !== 'postgres') throw new Error(`unknown --store ${store}; use lowdb or postgres`);
  const missing = store === 'postgres' ? postgresMissingReason() : null;
  if (missing) throw new Error(missing);
  const [turns, every, concurrency] = [Number(args.turns), Number(args.every), Number(args.concurrency)];
  const cluster: TestCluster | undefined = store === 'postgres' ? await startTestCluster() : undefined;
  const dir = mkdtempSync(join(tmpdir(), `soak-${store}-`));
  try {
    const url = await cluster?.freshDatabase();
    const port = await freePort();
    const bot = await startServer('shopping assistant', 'bot/index.ts', [], {
      PORT: String(port), HOST: '127.0.0.1', STORE_PATH: join(dir, 'store.json'), LOG_LEVEL: 'error',
      IDENTITY_SECRET: 'soak-secret-soak-secret-soak-secret-0123', ...(url ? { DATABASE_URL: url } : {}),
    }, port, answersTurns);
    const pid = bot.child.pid!;
    process.stdout.write(`Soak on ${store}: ${turns} turns, ${concurrency} at a time, 6-turn conversations\n`);
    process.stdout.write(`${'turns'.padStart(6)} ${'RSS MB'.padStart(8)} ${'files MB'.padStart(9)} ${'turns/s'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}\n`);
    process.stdout.write(`${'0'.padStart(6)} ${String(rssMb(pid)).padStart(8)} ${String(filesMb(dir)).padStart(9)}\n`);
    let next = 0;
    let errors = 0;
    let windowStart = Date.now();
    let latencies: number[] = [];
    const worker = async () => {
      for (;;) {
        const n = next++;
        if (n >= turns) return;
        const conversation = `soak-${Math.floor(n / TEXTS.length)}`;
        const sent = performance.now();
        const res = await fetch(`${bot.url}/api/messages`, {
          method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'message', text: TEXTS[n % TEXTS.length], channelId: 'soak', deliveryMode: 'expectReplies', serviceUrl: 'http://127.0.0.1:1',
            conversation: { id: conversation }, from: { id: `u-${conversation}` }, recipient: { id: 'bot' },
          }),
        }).catch(() => null);
        if (res?.status !== 200) errors += 1;
        else await res.arrayBuffer();
        latencies.push(performance.now() - sent);
        if ((n + 1) % every === 0) {
          const rate = every / ((Date.now() - windowStart) / 1000);
          const sorted = latencies.sort((a, b) => a - b);
          const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? 0;
          windowStart = Date.now();
          latencies = [];
          process.stdout.write(`${String(n + 1).padStart(6)} ${String(rssMb(pid)).padStart(8)} ${String(filesMb(dir)).padStart(9)} ${rate.toFixed(0).padStart(8)} ${p99.toFixed(0).padStart(8)} ${(sorted.at(-1) ?? 0).toFixed(0).padStart(8)}\n`);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    process.stdout.write(`errors: ${errors}\n`);
    await bot.stop();
  } finally {
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`soak failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
