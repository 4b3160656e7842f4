/**
 * Throughput benchmark (shared/docs/EVALUATION.md section 2): the project's bot and a minimal stock echo
 * bot run in the same session, alternating under the same autocannon load on loopback with expectReplies
 * and many distinct conversations. Prints req/s, p50/p99 latency and errors of both, and the ratio.
 *
 *   npm run bench -- [--store lowdb|postgres] [--mix hello|shopping|all] [--seconds 8] [--rounds 3] [--connections 50]
 *
 * --store postgres: the bot runs on a throwaway PostgreSQL (the machine's binaries, bench/benchDatabase.ts) and the
 * figures add the database round trips per turn of the bot's measured rounds.
 *
 * To see where a server's time goes: BENCH_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { answersTurns, freePort, startServer, type RunningServer } from './servers';
import { MIXES, type ScriptStep, type TurnMix } from './turnMixes';
import { signIdentity } from '../services/identityToken';
import { readFileSync } from 'node:fs';
import { roundTripLines, startBenchDatabase, type BenchDatabase } from './benchDatabase';

const { values: args } = parseArgs({
  options: {
    store: { type: 'string', default: 'lowdb' },
    mix: { type: 'string', default: 'all' },
    seconds: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
  },
});
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';

interface Figures { requests: number; seconds: number; p50: number[]; p99: number[]; errors: number }

function activity(step: ScriptStep, conversationId: string, userId: string, customerId: string): string {
  return JSON.stringify({
    type: 'message', text: step.text, value: step.value, channelId: 'webchat', deliveryMode: 'expectReplies',
    serviceUrl: 'http://127.0.0.1:1', conversation: { id: conversationId }, from: { id: userId }, recipient: { id: 'bot' },
    channelData: step.signedIn ? { identity: signIdentity(customerId, SECRET, 600) } : undefined,
  });
}

let conversations = 0;
async function load(server: RunningServer, mix: TurnMix, seconds: number, connections: number, customers: string[]): Promise<autocannon.Result> {
  const steps = Math.max(...mix.scripts.map((s) => s.length));
  return autocannon({
    url: server.url,
    connections,
    duration: seconds,
    requests: Array.from({ length: steps }, (_unused, index) => ({
      method: 'POST' as const,
      path: '/api/messages',
      headers: { 'content-type': 'application/json' },
      setupRequest: (req: autocannon.Request, state: object): autocannon.Request => {
        const context = state as Record<string, unknown>;
        if (index === 0) {
          const n = ++conversations;
          Object.assign(context, { conversation: `bench-${n}`, user: `user-${n}`, script: mix.scripts[n % mix.scripts.length], customer: customers[n % customers.length] });
        }
        const script = context.script as ScriptStep[];
        const step = script[index % script.length];
        return { ...req, body: activity(step, String(context.conversation), String(context.user), String(context.customer)) };
      },
    })),
  });
}

function add(figures: Figures, result: autocannon.Result): void {
  figures.requests += result.requests.total;
  figures.seconds += result.duration;
  figures.p50.push(result.latency.p50);
  figures.p99.push(result.latency.p99);
  figures.errors += result.errors + result.timeouts + result.non2xx;
}

/** Customers with a purchase history from the store the bot created from its seed, for signed-in turns. */
function customersIn(storePath: string): string[] {
  const store = JSON.parse(readFileSync(storePath, 'utf8')) as { customers: { id: string }[]; orders: { customerId: string }[] };
  const buyers = new Set(store.orders.map((o) => o.customerId));
  return store.customers.map((c) => c.id).filter((id) => buyers.has(id)).slice(0, 200);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const row = (name: string, f: Figures) =>
  `${name.padEnd(22)} ${(f.requests / f.seconds).toFixed(0).padStart(8)} req/s   p50 ${median(f.p50).toFixed(1).padStart(6)} ms   p99 ${Math.max(...f.p99).toFixed(1).padStart(6)} ms   errors ${f.errors}`;

async function main(): Promise<void> {
  const seconds = Number(args.seconds);
  const rounds = Number(args.rounds);
  const connections = Number(args.connections);
  const mixes = args.mix === 'all' ? Object.values(MIXES) : [MIXES[args.mix ?? '']].filter(Boolean);
  if (mixes.length === 0) throw new Error(`unknown --mix ${args.mix}; use ${Object.keys(MIXES).join(', ')} or all`);
  if (args.store !== 'lowdb' && args.store !== 'postgres') throw new Error(`unknown --store ${args.store}; use lowdb or postgres`);

  const storeDir = mkdtempSync(join(tmpdir(), 'bench-store-'));
  const database: BenchDatabase | undefined = args.store === 'postgres' ? await startBenchDatabase() : undefined;
  const [echoPort, botPort] = [await freePort(), await freePort()];
  const echo = await startServer('stock echo bot', 'bench/echoBot.ts', [String(echoPort)], {}, echoPort, answersTurns);
  const bot = await startServer('shopping assistant', 'bot/index.ts', [], {
    PORT: String(botPort), HOST: '127.0.0.1', STORE_PATH: join(storeDir, 'store.json'), IDENTITY_SECRET: SECRET, LOG_LEVEL: 'error', DEMO_MODE: 'true',
    ...(database ? { DATABASE_URL: database.url } : {}),
  }, botPort, answersTurns);
  const customers = database ? await database.buyers(200) : customersIn(join(storeDir, 'store.json'));
  try {
    process.stdout.write(`Throughput on ${args.store}: ${connections} connections, ${rounds} rounds x ${seconds} s per server, alternating, loopback, expectReplies\n`);
    for (const mix of mixes) {
      const figures = { echo: { requests: 0, seconds: 0, p50: [], p99: [], errors: 0 } as Figures, bot: { requests: 0, seconds: 0, p50: [], p99: [], errors: 0 } as Figures };
      // A short warm-up of each so JIT and caches do not favour whichever runs second.
      await load(echo, mix, 2, connections, customers);
      await load(bot, mix, 2, connections, customers);
      const statements: { query: string; calls: number }[] = [];
      for (let round = 0; round < rounds; round++) {
        add(figures.echo, await load(echo, mix, seconds, connections, customers));
        await database?.resetStatements();
        add(figures.bot, await load(bot, mix, seconds, connections, customers));
        for (const s of (await database?.statements()) ?? []) {
          const known = statements.find((t) => t.query === s.query);
          if (known) known.calls += s.calls;
          else statements.push({ ...s });
        }
      }
      const ratio = (figures.bot.requests / figures.bot.seconds) / (figures.echo.requests / figures.echo.seconds);
      process.stdout.write(`\nmix "${mix.name}": ${mix.description}\n${row('stock echo bot', figures.echo)}\n${row('shopping assistant', figures.bot)}\nratio (assistant / echo): ${ratio.toFixed(2)}\n`);
      if (database) process.stdout.write(`${roundTripLines(statements.sort((a, b) => b.calls - a.calls), figures.bot.requests, 6).join('\n')}\n`);
    }
  } finally {
    await Promise.all([echo.stop(), bot.stop()]);
    await database?.stop();
    rmSync(storeDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
