import { productCards } from '../../scripts/productCards';
/**
 * Order intake through the whole application: the real server on loopback over a real lowdb store in a temp
 * folder. A pushed order reaches the customer's next suggestions and their stored segment, survives a restart,
 * is recorded once however often it is retried, and the key never reaches the logs.
 */
import { join } from 'node:path';
import { openStore } from '../../data/openStore';
import { DEFAULT_SEED_PATH, readSeedFile } from '../../data/seedFile';
import type { StoreData } from '../../data/storeSchema';
import { signIdentity } from '../../services/identityToken';
import { say, startApp, TEST_IDENTITY_SECRET, type RunningApp } from '../support/app';

const KEY = 'shop-orders-key-0123456789-abcdefghij';
const WRONG_KEY = 'not-the-shop-key-0123456789-abcdefghij';
/** Customers with a single order in the seed: a new order visibly moves their history and segment. */
const BUYER = '12349';
const TO_ERASE = '12353';

let running: RunningApp;
let seed: StoreData;
let bag: { id: string; name: string; price: number };
const allLogs: string[] = [];

beforeAll(async () => {
  seed = await readSeedFile(DEFAULT_SEED_PATH);
  const bought = new Set(seed.orders.filter((o) => o.customerId === BUYER).flatMap((o) => o.lines.map((l) => l.productId)));
  // A bag: a category the buyer never bought from, so before the order nothing of theirs is in it.
  const candidate = seed.products.find((p) => p.category === 'bags' && p.inStock && !bought.has(p.id));
  if (!candidate) throw new Error('the seed has no in-stock bag the buyer has not bought');
  bag = candidate;
  running = await startApp({ ORDERS_API_KEY: KEY });
});
afterAll(async () => {
  allLogs.push(...running.logs);
  await running.app.close();
});

const order = (id: string, customerId = BUYER, lines = [{ productId: bag.id, quantity: 2, unitPrice: bag.price }]) => ({ id, customerId, lines });

async function push(body: unknown, key = KEY): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${running.url}/api/orders`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The signed-in customer's suggestion cards for a request, as "title | reason". */
async function cards(customerId: string, conversationId: string, text: string): Promise<string[]> {
  const identity = signIdentity(customerId, TEST_IDENTITY_SECRET, 300);
  const replies = await say(running.url, conversationId, text, { from: { id: `u-${conversationId}` }, channelData: { identity } });
  return productCards(replies).map((card) => `${card.title} | ${card.text}`);
}

async function storedState(orderId: string, customerId: string) {
  const store = await openStore({ path: join(running.dir, 'store.json'), seed: () => { throw new Error('store file missing'); } });
  try {
    const copies = (await store.repositories.orders.list()).filter((o) => o.id === orderId).length;
    return { order: await store.repositories.orders.get(orderId), copies, segment: await store.repositories.segments.get(customerId) };
  } finally {
    await store.close();
  }
}

describe('order intake in the running app', () => {
  it('records a new order: 201 with the segment, and the next suggestions know the customer bought it', async () => {
    expect(await cards(BUYER, 'before-order', 'show me bags')).not.toContainEqual(expect.stringMatching(new RegExp(`^${escapeRe(bag.name)} \\| You bought this before`)));
    const { status, json } = await push(order('web-1'));
    expect(status).toBe(201);
    expect(json).toEqual({ orderId: 'web-1', recorded: true, newCustomer: false, segment: { rfm: expect.any(String), primary: expect.any(String) } });
    expect(await cards(BUYER, 'after-order', 'show me bags')).toContainEqual(expect.stringMatching(new RegExp(`^${escapeRe(bag.name)} \\| You bought this before`)));
  });

  it('acknowledges a retry of the same order with 200 and records nothing', async () => {
    expect(await push(order('web-1'))).toEqual({ status: 200, json: { orderId: 'web-1', recorded: false } });
  });

  it('answers 409 when the id comes again with other content', async () => {
    const { status, json } = await push(order('web-1', BUYER, [{ productId: bag.id, quantity: 3, unitPrice: bag.price }]));
    expect(status).toBe(409);
    expect(json.error).toBe('order_conflict');
  });

  it('answers 404 unknown_customer for an id the shop never registered', async () => {
    const { status, json } = await push(order('web-2', 'no-such-customer'));
    expect(status).toBe(404);
    expect(json).toMatchObject({ error: 'unknown_customer' });
  });

  it('registers a first-time buyer with their order: they can sign in with it and get it back as a repeat pick', async () => {
    const customer = { displayName: 'Ada Lovelace', email: 'ada.lovelace@example.com', country: 'United Kingdom', postcode: 'SW1A 1AA' };
    const { status, json } = await push({ ...order('web-new-1', 'web-customer-1'), customer });
    expect(status).toBe(201);
    expect(json).toMatchObject({ orderId: 'web-new-1', recorded: true, newCustomer: true, segment: { rfm: expect.any(String) } });
    const turn = async (text: string) => (await say(running.url, 'new-buyer', text, { from: { id: 'u-new-buyer' } })).map((r) => r.text ?? '').join(' ');
    await turn('sign in');
    await turn('Ada.Lovelace@example.com');
    expect(await turn('web-new-1')).toMatch(/Ada Lovelace, you're signed in/);
    expect(await cards('web-customer-1', 'new-buyer-picks', 'show me bags')).toContainEqual(expect.stringMatching(new RegExp(`^${escapeRe(bag.name)} \\| You bought this before`)));
    const again = await push({ ...order('web-new-2', 'web-customer-2'), customer: { ...customer, displayName: 'Someone Else' } });
    expect(again).toMatchObject({ status: 409, json: { error: 'email_in_use' } });
  });

  it('never attaches an order to an erased customer', async () => {
    const identity = signIdentity(TO_ERASE, TEST_IDENTITY_SECRET, 300);
    const turn = (text: string) => say(running.url, 'erasing', text, { from: { id: 'u-erasing' }, channelData: { identity } });
    await turn('delete my data');
    expect((await turn('yes, delete')).map((r) => r.text).join(' ')).toMatch(/erased/i);
    const { status, json } = await push(order('web-3', TO_ERASE));
    expect(status).toBe(404);
    expect(json.error).toBe('unknown_customer');
  });

  it('answers 422 listing the product ids the catalogue does not know', async () => {
    const lines = [{ productId: bag.id, quantity: 1, unitPrice: 1 }, { productId: 'NOPE-1', quantity: 1, unitPrice: 1 }, { productId: 'NOPE-2', quantity: 1, unitPrice: 1 }];
    const { status, json } = await push(order('web-4', BUYER, lines));
    expect(status).toBe(422);
    expect(json).toMatchObject({ error: 'unknown_products', productIds: ['NOPE-1', 'NOPE-2'] });
  });

  it('refuses a wrong key with 401', async () => {
    expect((await push(order('web-5'), WRONG_KEY)).status).toBe(401);
  });

  it('stored the order once and the segment with it: recency 0 days, one more order', async () => {
    await running.app.close();
    const { order: stored, copies, segment } = await storedState('web-1', BUYER);
    expect(stored).toMatchObject({ id: 'web-1', customerId: BUYER, lines: order('web-1').lines });
    expect(copies).toBe(1);
    const ordersBefore = seed.orders.filter((o) => o.customerId === BUYER).length;
    expect(segment?.rfm).toMatchObject({ recencyDays: 0, frequency: ordersBefore + 1 });
    for (const id of ['web-2', 'web-3', 'web-4', 'web-5']) expect((await storedState(id, BUYER)).order).toBeUndefined();
  });

  it('after a restart on the same store the order is still there: a retry records nothing', async () => {
    allLogs.push(...running.logs);
    running = await startApp({ ORDERS_API_KEY: KEY }, running.dir);
    expect(await push(order('web-1'))).toEqual({ status: 200, json: { orderId: 'web-1', recorded: false } });
    expect(await cards(BUYER, 'after-restart', 'show me bags')).toContainEqual(expect.stringMatching(new RegExp(`^${escapeRe(bag.name)} \\| You bought this before`)));
  });

  it('never wrote the key (or a wrong one) to the logs', () => {
    const text = [...allLogs, ...running.logs].join('\n');
    expect(text).toMatch(/order recorded/);
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(WRONG_KEY);
  });
});
