/**
 * Numbers from outside are bounded and finite, through the whole application (real server on loopback, real lowdb
 * store in a temp folder) with the maxima set by MAX_ORDER_QUANTITY and MAX_UNIT_PRICE: an order or a product that
 * exceeds them gets 400 naming the field and stores nothing, one at the maxima is taken, and the next start's segment
 * refresh still succeeds for everyone.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../data/openStore';
import { DEFAULT_SEED_PATH, readSeedFile } from '../../data/seedFile';
import type { StoreData } from '../../data/storeSchema';
import { startApp, type RunningApp } from '../support/app';

const KEY = 'shop-orders-key-0123456789-abcdefghij';
const LIMITS = { MAX_ORDER_QUANTITY: '500', MAX_UNIT_PRICE: '250' };
const PRODUCT = { name: 'Paper lantern', category: 'candles_lighting', price: 4.5, currency: 'GBP', tags: ['paper'], inStock: true };

let running: RunningApp;
let buyer: string;
let productId: string;

beforeAll(async () => {
  const seed = await readSeedFile(DEFAULT_SEED_PATH);
  buyer = seed.orders[0].customerId;
  productId = seed.orders[0].lines[0].productId;
  running = await startApp({ ORDERS_API_KEY: KEY, ...LIMITS });
});
afterAll(async () => { await running.app.close(); });

async function send(method: 'POST' | 'PUT', path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${running.url}${path}`, {
    method, headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** Built when sent: the buyer and product come from the seed, read before the first test. */
const order = (id: string, quantity: number, unitPrice: number) => () => ({ id, customerId: buyer, lines: [{ productId, quantity, unitPrice }] });

async function stored() {
  await running.app.close();
  const store = await openStore({ path: join(running.dir, 'store.json'), seed: () => { throw new Error('store file missing'); } });
  try {
    return { orders: await store.repositories.orders.list(), products: await store.repositories.catalog.list() };
  } finally {
    await store.close();
  }
}

describe('bounded numbers at the shop API', () => {
  it.each([
    ['the 1.7e308 unit price that overflowed a line total', order('big-1', 2, 1.7e308), 'lines.0.unitPrice: must be at most 250'],
    ['a unit price just above MAX_UNIT_PRICE', order('big-2', 1, 250.01), 'lines.0.unitPrice: must be at most 250'],
    ['a quantity of 1e308', order('big-3', 1e308, 1), 'lines.0.quantity: must be at most 500'],
    ['a quantity just above MAX_ORDER_QUANTITY', order('big-4', 501, 1), 'lines.0.quantity: must be at most 500'],
  ])('POST /api/orders answers 400 to %s', async (_name, body, message) => {
    expect(await send('POST', '/api/orders', body())).toEqual({ status: 400, json: { error: 'invalid_order', message } });
  });

  it('POST /api/orders takes an order at the maxima', async () => {
    expect((await send('POST', '/api/orders', order('at-limit', 500, 250)())).status).toBe(201);
  });

  it.each([
    ['PUT with a price of 1e308', 'PUT', '/api/products/lantern-1', { ...PRODUCT, price: 1e308 }, 'price: must be at most 250'],
    ['PUT with a price just above MAX_UNIT_PRICE', 'PUT', '/api/products/lantern-1', { ...PRODUCT, price: 250.5 }, 'price: must be at most 250'],
    ['POST with one item priced 1.7e308', 'POST', '/api/products', { products: [{ ...PRODUCT, id: 'lantern-2' }, { ...PRODUCT, id: 'lantern-3', price: 1.7e308 }] }, 'products.1.price: must be at most 250'],
  ] as const)('catalogue updates answer 400 to %s', async (_name, method, path, body, message) => {
    expect(await send(method, path, body)).toEqual({ status: 400, json: { error: 'invalid_product', message } });
  });

  it('stored only what was within bounds, and the next start refreshes everyone\'s segments', async () => {
    const { orders, products } = await stored();
    expect(orders.filter((o) => o.id.startsWith('big-'))).toEqual([]);
    expect(orders.find((o) => o.id === 'at-limit')?.lines).toEqual([{ productId, quantity: 500, unitPrice: 250 }]);
    expect(products.filter((p) => p.id.startsWith('lantern-'))).toEqual([]);
    // Restart on the same store, segments forced stale: the refresh must complete.
    running = await startApp({ ORDERS_API_KEY: KEY, ...LIMITS, SEGMENT_MAX_AGE_HOURS: '0.0000001' }, running.dir);
    expect(running.logs.join('\n')).toMatch(/segments recomputed/);
    expect(running.logs.join('\n')).not.toMatch(/segment refresh failed|left out of segments/);
  });
});

describe('a store that took an overflowing order before orders were bounded', () => {
  it('still starts, leaves that order out of the segments (logged), and serves everyone else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'poisoned-app-'));
    const path = join(dir, 'store.json');
    const created = await openStore({ path, seed: DEFAULT_SEED_PATH });
    await created.close();
    const data = JSON.parse(readFileSync(path, 'utf8')) as StoreData;
    data.orders.push({ id: 'old-poison', customerId: buyer, date: '2026-11-20T10:00:00.000Z', lines: [{ productId, quantity: 2, unitPrice: 1.7e308 }] });
    data.segments = []; // stale: the start-up refresh recomputes everyone
    writeFileSync(path, JSON.stringify(data));

    const app = await startApp({ ORDERS_API_KEY: KEY }, dir);
    try {
      const logs = app.logs.join('\n');
      expect(logs).toMatch(/old-poison.*order left out of segments|order left out of segments.*old-poison/);
      expect(logs).not.toMatch(/segment refresh failed/);
      expect(logs).toMatch(/segments recomputed/);
      const res = await fetch(`${app.url}/api/orders`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
        body: JSON.stringify({ id: 'after-poison', customerId: buyer, lines: [{ productId, quantity: 1, unitPrice: 2.5 }] }),
      });
      expect(res.status).toBe(201);
      expect(((await res.json()) as { segment: unknown }).segment).toEqual({ rfm: expect.any(String), primary: expect.any(String) });
    } finally {
      await app.app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
