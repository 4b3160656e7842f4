/**
 * Two bot processes on one PostgreSQL database; one is killed with SIGKILL in the middle of a burst of orders and
 * shopping turns. Every write it acknowledged (an order answered 201, a turn answered with suggestion cards, whose
 * suggestion events are stored before the reply) is in the database, and the other process keeps answering,
 * including the conversations the killed one was serving (its turn locks went with its connections).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEFAULT_SEED_PATH, readSeedFile } from '../../data/seedFile';
import { say } from '../support/app';
import { postgresSuite } from '../support/postgres';

const pg = postgresSuite('postgresCrash.test');
const KEY = 'shop-api-key-0123456789-abcdefghijklmn';
const ROOT = join(__dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface BotProcess { url: string; child: ChildProcess; output: string[] }

async function startBot(databaseUrl: string): Promise<BotProcess> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', 'bot/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: '4',
      STORE_PATH: join(mkdtempSync(join(tmpdir(), 'crash-bot-')), 'store.json'), ORDERS_API_KEY: KEY,
      IDENTITY_SECRET: 'crash-test-identity-secret-0123456789', LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr?.on('data', (d: Buffer) => output.push(d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bot exited: ${output.join('')}`);
    if (Date.now() - started > 90_000) throw new Error(`bot did not start: ${output.join('')}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return { url, child, output };
    await new Promise((r) => setTimeout(r, 250));
  }
}

pg.describe('an instance killed during a burst', () => {
  let databaseUrl: string;
  let a: BotProcess;
  let b: BotProcess;
  beforeAll(async () => {
    databaseUrl = await pg.cluster().freshDatabase();
    a = await startBot(databaseUrl);
    b = await startBot(databaseUrl);
  }, 200_000);
  afterAll(() => {
    for (const bot of [a, b]) if (bot?.child.exitCode === null) bot.child.kill('SIGKILL');
  });

  it('loses no acknowledged write, and the other instance keeps answering', async () => {
    const seed = await readSeedFile(DEFAULT_SEED_PATH);
    const customerIds = seed.customers.slice(0, 20).map((c) => c.id);
    const productId = seed.products.find((p) => p.inStock)!.id;
    const ackedOrders: string[] = [];
    const ackedTurns: string[] = [];
    let sent = 0;
    let killed = false;
    const inFlight = new Set<string>();
    let inFlightAtKill: string[] = [];

    const worker = async (w: number) => {
      for (let i = 0; i < 40; i++) {
        const n = ++sent;
        if (n >= 60 && !killed && inFlight.size > 0) {
          killed = true;
          inFlightAtKill = [...inFlight];
          a.child.kill('SIGKILL');
        }
        try {
          if (n % 2) {
            const id = `CRASH-${w}-${i}`;
            const res = await fetch(`${a.url}/api/orders`, {
              method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
              body: JSON.stringify({ id, customerId: customerIds[n % customerIds.length], lines: [{ productId, quantity: 1, unitPrice: 1.25 }] }),
            });
            if (res.status === 201) ackedOrders.push(id);
          } else {
            const conversation = `crash-${w}-${i}`;
            inFlight.add(conversation);
            const replies = await say(a.url, conversation, 'show me candles').finally(() => inFlight.delete(conversation));
            if (replies.some((r) => (r.attachments?.length ?? 0) > 0)) ackedTurns.push(conversation);
          }
        } catch {
          // Refused or reset: the instance is gone, so nothing was acknowledged.
        }
      }
    };
    await Promise.all([0, 1, 2, 3].map(worker));
    expect(killed).toBe(true);
    expect(ackedOrders.length + ackedTurns.length).toBeGreaterThan(0);

    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const orders = await client.query<{ id: string }>('SELECT id FROM orders WHERE id = ANY($1::text[])', [ackedOrders]);
      expect(orders.rows.map((r) => r.id).sort()).toEqual([...ackedOrders].sort());
      const events = await client.query<{ conversation: string }>(
        "SELECT DISTINCT doc->>'conversationId' AS conversation FROM suggestion_events WHERE doc->>'conversationId' = ANY($1::text[])", [ackedTurns]);
      expect(events.rows.map((r) => r.conversation).sort()).toEqual([...ackedTurns].sort());
    } finally {
      await client.end();
    }
    process.stdout.write(`postgresCrash.test: ${ackedOrders.length} orders and ${ackedTurns.length} turns acknowledged before the kill, all stored; ${inFlightAtKill.length} turns in flight at the kill\n`);

    // The survivor answers, also the conversations whose turns the killed instance was running (and locking).
    for (const conversation of [...inFlightAtKill, 'crash-after']) {
      const replies = await say(b.url, conversation, 'show me candles').catch((error: Error) => {
        throw new Error(`the survivor did not answer (${error.message}; exit code ${b.child.exitCode}): ${b.output.join('')}`);
      });
      expect(replies.some((r) => (r.attachments?.length ?? 0) > 0)).toBe(true);
    }
    expect((await fetch(`${b.url}/healthz`)).status).toBe(200);
  }, 120_000);
});
