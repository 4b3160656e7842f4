/**
 * PUT /api/products/:id and POST /api/products at the HTTP edge, on a real restify server on loopback with the bot
 * server's body parser: disabled, the shared shop API key, validation naming the first bad field, and the answers.
 * The catalogue service is a recording stand-in here (test/bot/catalogUpdates.test.ts runs the real one).
 */
import { MAX_BATCH, registerProductRoutes } from '../../bot/productRoutes';
import { listenWithRoutes } from './support/shopRouteServer';
import type { Product } from '../../domain/model';

const KEY = 'shop-api-key-shop-api-key-0123456789';
const PRODUCT = { id: 'web-p1', name: 'Paper lantern', category: 'candles_lighting', price: 4.5, currency: 'GBP', tags: ['paper', 'lantern'], inStock: true };
const withId = (id: string) => ({ ...PRODUCT, id });

interface Harness { base: string; received: Product[][]; errors: string[]; close(): Promise<void> }

/** `stored`: ids the stand-in already holds (answered as updates). */
async function start(apiKey: string | undefined, stored = new Set<string>(), fail = false): Promise<Harness> {
  const received: Product[][] = [];
  const errors: string[] = [];
  const putMany = async (products: readonly Product[]) => {
    received.push([...products]);
    if (fail) throw new Error('disk full at /secret/path');
    const ids = products.map((p) => p.id);
    return { created: ids.filter((id) => !stored.has(id)), updated: ids.filter((id) => stored.has(id)) };
  };
  const server = await listenWithRoutes((s) => registerProductRoutes(s, {
    apiKey,
    catalogUpdates: { putMany, put: async (p) => ({ id: p.id, created: (await putMany([p])).created.length === 1 }) },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: (msg) => errors.push(msg) },
  }), 256 * 1024);
  return { ...server, received, errors };
}

function send(h: Harness, method: 'PUT' | 'POST', path: string, body: unknown, authorization: string | null = `Bearer ${KEY}`): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== null) headers.authorization = authorization;
  return fetch(`${h.base}${path}`, { method, headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}
const put = (h: Harness, body: unknown, id = PRODUCT.id, authorization?: string | null) => send(h, 'PUT', `/api/products/${encodeURIComponent(id)}`, body, authorization);
const batch = (h: Harness, body: unknown, authorization?: string | null) => send(h, 'POST', '/api/products', body, authorization);

describe('catalogue routes without ORDERS_API_KEY', () => {
  it.each([['PUT', put], ['POST', batch]] as const)('%s answers 404 saying how to turn them on', async (_method, call) => {
    const h = await start(undefined);
    try {
      const res = await call(h, call === put ? PRODUCT : { products: [PRODUCT] }, undefined, 'Bearer anything-at-all');
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'intake_disabled', message: expect.stringMatching(/ORDERS_API_KEY.*PUT \/api\/products/) });
      expect(h.received).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe('catalogue routes with the shop API key', () => {
  let h: Harness;
  beforeAll(async () => { h = await start(KEY, new Set(['known-1'])); });
  afterAll(async () => { await h.close(); });
  beforeEach(() => { h.received.length = 0; });

  it.each([
    ['no Authorization header', null],
    ['a wrong key', `Bearer ${KEY.slice(0, -1)}x`],
    ['another scheme', `Basic ${KEY}`],
  ])('answers 401 with WWW-Authenticate: Bearer to %s, on both routes', async (_name, authorization) => {
    for (const res of [await put(h, PRODUCT, PRODUCT.id, authorization), await batch(h, { products: [PRODUCT] }, authorization)]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await res.json()).toEqual({ error: 'unauthorized', message: expect.stringMatching(/Authorization: Bearer/) });
    }
    expect(h.received).toEqual([]);
  });

  it('PUT answers 201 for a new product, passing it on with the path id and without an addedAt to keep', async () => {
    const res = await put(h, { ...PRODUCT, id: undefined, extra: 'ignored' });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: PRODUCT.id, created: true });
    expect(h.received).toEqual([[PRODUCT]]);
  });

  it('PUT answers 200 for a product the catalogue holds, and stores addedAt in one canonical form', async () => {
    const res = await put(h, { ...PRODUCT, id: 'known-1', addedAt: '2026-11-22T10:30:00+01:00' }, 'known-1');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 'known-1', created: false });
    expect(h.received[0][0]).toEqual({ ...PRODUCT, id: 'known-1', addedAt: '2026-11-22T09:30:00.000Z' });
  });

  it.each([
    ['a body id that differs from the path', { ...PRODUCT, id: 'other' }, /^id: "other" differs from the id in the path \("web-p1"\)/],
    ['an unknown category', { ...PRODUCT, category: 'lanterns' }, /^category: must be one of: candles_lighting, bags, .*other$/],
    ['a negative price', { ...PRODUCT, price: -0.01 }, /^price: must be 0 or more/],
    ['a price as text', { ...PRODUCT, price: '4.50' }, /^price: must be a number/],
    ['a price of 1.7e308', { ...PRODUCT, price: 1.7e308 }, /^price: must be at most 100000$/],
    ['a price just above the default maximum', { ...PRODUCT, price: 100000.01 }, /^price: must be at most 100000$/],
    ['a lower-case currency', { ...PRODUCT, currency: 'gbp' }, /^currency: must be a 3-letter ISO 4217 code/],
    ['no inStock', { ...PRODUCT, inStock: undefined }, /^inStock: must be true or false/],
    ['a blank name', { ...PRODUCT, name: '  ' }, /^name: must be a non-empty string/],
    ['no tags', { ...PRODUCT, tags: undefined }, /^tags: must be a list of words/],
    ['an addedAt without a time', { ...PRODUCT, addedAt: '2026-11-22' }, /^addedAt: must be an ISO 8601 date-time/],
    ['a list instead of a product', [PRODUCT], /^body: /],
  ])('PUT answers 400 naming the first bad field for %s', async (_name, body, message) => {
    const res = await put(h, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_product', message: expect.stringMatching(message) });
    expect(h.received).toEqual([]);
  });

  it('PUT refuses an id longer than the 64 characters a card button can carry', async () => {
    const long = 'x'.repeat(65);
    const res = await put(h, { ...PRODUCT, id: undefined }, long);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/^id: /);
  });

  it('POST answers 200 counting created and updated products, passing the batch on whole', async () => {
    const products = [PRODUCT, { ...withId('known-1'), inStock: false }, withId('web-p2')];
    const res = await batch(h, { products });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ created: 2, updated: 1 });
    expect(h.received).toEqual([products]);
  });

  it.each([
    ['a bad item', { products: [withId('p0'), withId('p1'), withId('p2'), { ...withId('p3'), price: -1 }] }, /^products\.3\.price: must be 0 or more/],
    ['an item without an id', { products: [{ ...PRODUCT, id: undefined }] }, /^products\.0\.id: /],
    ['an item priced 1e308', { products: [PRODUCT, { ...withId('p1'), price: 1e308 }] }, /^products\.1\.price: must be at most 100000$/],
    ['the same id twice', { products: [PRODUCT, withId('p2'), PRODUCT] }, /^products\.2\.id: "web-p1" is also products\.0/],
    ['an empty batch', { products: [] }, /^products: must hold at least one product/],
    ['too many products', { products: Array.from({ length: MAX_BATCH + 1 }, (_, i) => withId(`p${i}`)) }, /^products: must hold at most 1000 products/],
    ['a bare list', [PRODUCT], /^body: |^products: /],
  ])('POST answers 400 naming the first bad field for %s, storing nothing', async (_name, body, message) => {
    const res = await batch(h, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_product', message: expect.stringMatching(message) });
    expect(h.received).toEqual([]);
  });

  it('answers 400 to malformed JSON', async () => {
    expect((await put(h, '{"name": "lantern",')).status).toBe(400);
  });
});

describe('catalogue routes when storing fails', () => {
  it('answer 500 without internals, and log it', async () => {
    const h = await start(KEY, new Set(), true);
    try {
      for (const res of [await put(h, PRODUCT), await batch(h, { products: [PRODUCT] })]) {
        expect(res.status).toBe(500);
        const text = await res.text();
        expect(JSON.parse(text)).toMatchObject({ error: 'internal_error' });
        expect(text).not.toMatch(/secret/);
      }
      expect(h.errors).toEqual(['catalogue update failed', 'catalogue update failed']);
    } finally {
      await h.close();
    }
  });
});
