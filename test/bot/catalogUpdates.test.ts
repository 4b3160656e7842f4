import { productCards } from '../../scripts/productCards';
/**
 * Catalogue updates through the whole application: the real server on loopback over a real lowdb store in a temp
 * folder. Stock and price changes reach the very next suggestions (signed in or guest), a new product can be ordered
 * at once, a category change moves the product between requests, everything survives a restart, and the shop API
 * key never reaches the logs.
 */
import { join } from 'node:path';
import { openStore } from '../../data/openStore';
import { DEFAULT_SEED_PATH, readSeedFile } from '../../data/seedFile';
import type { Product } from '../../domain/model';
import { signIdentity } from '../../services/identityToken';
import { say, startApp, TEST_IDENTITY_SECRET, type RunningApp } from '../support/app';

const KEY = 'shop-api-key-0123456789-abcdefghijklmn';
const WRONG_KEY = 'not-the-shop-key-0123456789-abcdefghij';
/** A customer with candle holders in their history: "show me candles" leads with what they bought before. */
const BUYER = '12349';
const NEW_ID = 'web-lantern-1';
const NEW_PRODUCT = { name: 'Woven Paper Lantern', category: 'candles_lighting', price: 6.5, currency: 'GBP', tags: ['paper', 'lantern'], inStock: true };

let running: RunningApp;
let products: Map<string, Product>;
let conversation = 0;
const allLogs: string[] = [];

beforeAll(async () => {
  products = new Map((await readSeedFile(DEFAULT_SEED_PATH)).products.map((p) => [p.id, p]));
  running = await startApp({ ORDERS_API_KEY: KEY });
});
afterAll(async () => {
  allLogs.push(...running.logs);
  await running.app.close();
});

interface Card { id: string; title: string; subtitle: string; text: string }

/** The suggestion cards for a request in a fresh conversation, signed in as `customerId` or as a guest (null). */
async function cards(customerId: string | null, text: string): Promise<Card[]> {
  const id = `catalogue-${++conversation}`;
  const extra = customerId ? { from: { id: `u-${id}` }, channelData: { identity: signIdentity(customerId, TEST_IDENTITY_SECRET, 300) } } : { from: { id: `u-${id}` } };
  const replies = await say(running.url, id, text, extra);
  return productCards(replies).map((card) => ({ id: card.productId, title: card.title, subtitle: card.subtitle, text: card.text }));
}
const ids = async (customerId: string | null, text: string) => (await cards(customerId, text)).map((c) => c.id);

async function call(method: 'PUT' | 'POST', path: string, body: unknown, key = KEY): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${running.url}${path}`, {
    method, headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
/** The product as the shop sends it: whole, without addedAt (the stored one is kept). */
const withoutAddedAt = ({ addedAt: _kept, ...rest }: Product) => rest;
const putProduct = (id: string, body: unknown, key = KEY) => call('PUT', `/api/products/${encodeURIComponent(id)}`, body, key);
const order = (id: string) => ({ id, customerId: BUYER, lines: [{ productId: NEW_ID, quantity: 1, unitPrice: NEW_PRODUCT.price }] });

describe('catalogue updates in the running app', () => {
  let pick: Product;
  let guestPick: Product;
  beforeAll(async () => {
    pick = products.get((await ids(BUYER, 'show me candles'))[0])!;
    guestPick = products.get((await ids(null, 'show me candles'))[0])!;
  });

  it('a product marked out of stock leaves the signed-in customer\'s and the guests\' cards at once, and comes back when restocked', async () => {
    expect(await putProduct(pick.id, { ...withoutAddedAt(pick), inStock: false })).toEqual({ status: 200, json: { id: pick.id, created: false } });
    expect(await putProduct(guestPick.id, { ...withoutAddedAt(guestPick), inStock: false })).toMatchObject({ status: 200 });
    expect(await ids(BUYER, 'show me candles')).not.toContain(pick.id);
    expect(await ids(null, 'show me candles')).not.toContain(guestPick.id);
    await putProduct(pick.id, withoutAddedAt(pick));
    await putProduct(guestPick.id, withoutAddedAt(guestPick));
    expect(await ids(BUYER, 'show me candles')).toContain(pick.id);
    expect(await ids(null, 'show me candles')).toContain(guestPick.id);
  });

  it('a price change shows in the card subtitle', async () => {
    await putProduct(pick.id, { ...withoutAddedAt(pick), price: 7.77 });
    expect((await cards(BUYER, 'show me candles')).find((c) => c.id === pick.id)).toMatchObject({ title: pick.name, subtitle: '£7.77' });
  });

  it('a new product is refused in an order until the shop lists it; then the order is taken and the product suggested back', async () => {
    expect(await call('POST', '/api/orders', order('web-cat-1'))).toMatchObject({ status: 422, json: { productIds: [NEW_ID] } });
    expect(await putProduct(NEW_ID, NEW_PRODUCT)).toEqual({ status: 201, json: { id: NEW_ID, created: true } });
    expect(await putProduct(NEW_ID, NEW_PRODUCT)).toEqual({ status: 200, json: { id: NEW_ID, created: false } });
    expect(await call('POST', '/api/orders', order('web-cat-1'))).toMatchObject({ status: 201, json: { recorded: true } });
    expect(await cards(BUYER, 'show me lanterns')).toContainEqual({ id: NEW_ID, title: NEW_PRODUCT.name, subtitle: '£6.50', text: 'You bought this before' });
  });

  it('a category change moves the product from one request to the other', async () => {
    expect(await putProduct(pick.id, { ...withoutAddedAt(pick), price: 7.77, category: 'party' })).toMatchObject({ status: 200 });
    expect(await ids(BUYER, 'show me candles')).not.toContain(pick.id);
    expect(await ids(BUYER, 'show me party things')).toContain(pick.id);
    await putProduct(pick.id, { ...withoutAddedAt(pick), price: 7.77 });
    expect(await ids(BUYER, 'show me candles')).toContain(pick.id);
  });

  it('a batch creates and updates in one call', async () => {
    const batch = [{ ...NEW_PRODUCT, id: 'web-lantern-2', name: 'Tall Paper Lantern' }, { ...NEW_PRODUCT, id: NEW_ID, inStock: false }];
    expect(await call('POST', '/api/products', { products: batch })).toEqual({ status: 200, json: { created: 1, updated: 1 } });
  });

  it.each<[string, () => ReturnType<typeof call>, RegExp]>([
    ['an unknown category', () => putProduct('web-bad-1', { ...NEW_PRODUCT, category: 'lamps' }), /^category: must be one of: .*candles_lighting/],
    ['a negative price', () => putProduct('web-bad-2', { ...NEW_PRODUCT, price: -2 }), /^price: must be 0 or more/],
    ['a body id that is not the path id', () => putProduct('web-bad-3', { ...NEW_PRODUCT, id: 'web-bad-4' }), /^id: /],
    ['a bad batch item', () => call('POST', '/api/products', { products: [{ ...NEW_PRODUCT, id: 'web-bad-5' }, { ...NEW_PRODUCT, id: 'web-bad-6', currency: '£' }] }), /^products\.1\.currency: /],
  ])('answers 400 invalid_product to %s and stores nothing', async (_name, send, message) => {
    const { status, json } = await send();
    expect(status).toBe(400);
    expect(json).toEqual({ error: 'invalid_product', message: expect.stringMatching(message) });
  });

  it('refuses a wrong key with 401', async () => {
    expect((await putProduct(NEW_ID, NEW_PRODUCT, WRONG_KEY)).status).toBe(401);
  });

  it('stored every change durably: the kept addedAt, the new product dated now, nothing from refused requests', async () => {
    const listedBefore = Date.now();
    await running.app.close();
    const store = await openStore({ path: join(running.dir, 'store.json'), seed: () => { throw new Error('store file missing'); } });
    try {
      const catalog = store.repositories.catalog;
      expect(await catalog.get(pick.id)).toEqual({ ...pick, price: 7.77 });
      expect(await catalog.get(NEW_ID)).toMatchObject({ ...NEW_PRODUCT, inStock: false });
      const addedAt = Date.parse((await catalog.get(NEW_ID))?.addedAt ?? '');
      expect(addedAt).toBeGreaterThan(listedBefore - 60_000);
      expect(addedAt).toBeLessThanOrEqual(listedBefore);
      expect(await catalog.get('web-lantern-2')).toMatchObject({ name: 'Tall Paper Lantern' });
      for (const id of ['web-bad-1', 'web-bad-2', 'web-bad-3', 'web-bad-4', 'web-bad-5', 'web-bad-6']) expect(await catalog.get(id)).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('after a restart on the same store the suggestions show the stored price', async () => {
    allLogs.push(...running.logs);
    running = await startApp({ ORDERS_API_KEY: KEY }, running.dir);
    expect((await cards(BUYER, 'show me candles')).find((c) => c.id === pick.id)?.subtitle).toBe('£7.77');
  });

  it('never wrote the key (or a wrong one) to the logs', () => {
    const text = [...allLogs, ...running.logs].join('\n');
    expect(text).toMatch(/catalogue updated/);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(WRONG_KEY);
  });
});

describe('catalogue updates without the shop API key', () => {
  it('answer 404 intake_disabled on both routes', async () => {
    const off = await startApp();
    try {
      for (const [method, path, body] of [['PUT', `/api/products/${NEW_ID}`, NEW_PRODUCT], ['POST', '/api/products', { products: [{ ...NEW_PRODUCT, id: NEW_ID }] }]] as const) {
        const res = await fetch(`${off.url}${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: JSON.stringify(body) });
        expect(res.status).toBe(404);
        expect(await res.json()).toMatchObject({ error: 'intake_disabled' });
      }
    } finally {
      await off.app.close();
    }
  });
});
