/**
 * The simulator's shopper against the real app over HTTP: a seed customer signs in with email and postcode, is shown
 * suggestions dated at the simulated instant, and the order it may place is accepted by the order intake API.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seededRandom } from '../../data/import/seededRandom';
import { DEFAULT_SEED_PATH, readSeedFile } from '../../data/seedFile';
import { BotClient, shopperProfiles, visit } from '../../scripts/simulateShopper';
import { table } from '../../scripts/simulateTables';
import { startApp, type RunningApp } from '../support/app';

const API_KEY = 'simulate-test-key-simulate-test-key-0001';

describe('npm run simulate: one shopper', () => {
  let running: RunningApp;
  beforeAll(async () => { running = await startApp({ SIMULATION_CLOCK: 'true', ORDERS_API_KEY: API_KEY }); }, 120_000);
  afterAll(async () => { await running?.app.close(); });

  test('profiles follow the history; a visit signs in, is shown suggestions at the simulated time, and its order is taken', async () => {
    const data = await readSeedFile(DEFAULT_SEED_PATH);
    const shoppers = shopperProfiles(data);
    const alice = shoppers.find((s) => s.customer.id === '14741');
    expect(alice?.orders.length).toBe(data.orders.filter((o) => o.customerId === '14741').length);
    expect(alice?.boughtBefore.length).toBeGreaterThan(0);
    if (!alice) return;

    const startsAt = new Date(Date.now() - 3 * 86_400_000);
    const prices = new Map(data.products.map((p) => [p.id, p.price]));
    let outcome = await visit(new BotClient(running.url), alice, startsAt, seededRandom('test-1'), prices, 'test');
    // A seed that buys: try a few until one does (each visit is a new conversation), bounded.
    for (let i = 2; !outcome.order && i < 12; i += 1) outcome = await visit(new BotClient(running.url), alice, startsAt, seededRandom(`test-${i}`), prices, 'test');
    expect(outcome.signedIn).toBe(true);
    expect(outcome.shown).toBeGreaterThan(0);

    const events = (await readFile(join(running.dir, 'store.json.events.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { customerId: string; at: string });
    const mine = events.filter((e) => e.customerId === '14741');
    expect(mine.length).toBeGreaterThan(0);
    // Dated at the visit's simulated turns (minutes after startsAt), not at the wall clock.
    for (const e of mine) expect(Date.parse(e.at) - startsAt.getTime()).toBeLessThan(3_600_000);

    expect(outcome.order).not.toBeNull();
    const res = await fetch(`${running.url}/api/orders`, {
      method: 'POST', headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...outcome.order, customerId: outcome.customerId }),
    });
    expect(res.status).toBe(201);
  });

  test('tables are aligned in columns', () => {
    expect(table(['a', 'bb'], [[1, 'x'], ['long', 2]])).toBe('| a    | bb |\n|------|----|\n| 1    | x  |\n| long | 2  |');
  });
});
