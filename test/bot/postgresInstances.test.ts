import { productCards } from '../../scripts/productCards';
/**
 * Two instances of the real app on one PostgreSQL database, as behind a load balancer: a conversation whose
 * turns alternate between them completes; two turns of one conversation sent to both at once both keep their
 * change to the conversation state (the turn lock: without it the later state write silently replaces the other); a first-time buyer's order posted to one lets them sign
 * in on the other, and reaches the other's suggestions through the change feed; so does a product going out of stock.
 * The feed's delay is measured and printed, never asserted.
 */
import { mkdtempSync } from 'node:fs';
import { Client } from 'pg';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SEED_PATH, readSeedFile } from '../../data/seedFile';
import { conversationTurns, type Reply } from '../../scripts/e2eConversation';
import { signIdentity } from '../../services/identityToken';
import { say, startApp, TEST_IDENTITY_SECRET, type ReplyActivity, type RunningApp } from '../support/app';
import { postgresSuite } from '../support/postgres';

const pg = postgresSuite('postgresInstances.test');
const KEY = 'shop-api-key-0123456789-abcdefghijklmn';
const APOLOGY = /something went wrong/i;

/** Polls `check` until it holds (at most `limitMs`); returns how long it took. */
async function until(check: () => Promise<boolean>, limitMs = 15_000): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > limitMs) throw new Error(`not reached within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Date.now() - started;
}

const texts = (replies: ReplyActivity[]) => replies.map((r) => r.text ?? '').join(' ');
const cardTexts = (replies: ReplyActivity[]) => productCards(replies);

pg.describe('two instances on one database', () => {
  let a: RunningApp;
  let b: RunningApp;
  let conversation = 0;
  let databaseUrl: string;
  const nextId = () => `instances-${++conversation}`;

  beforeAll(async () => {
    databaseUrl = await pg.cluster().freshDatabase();
    const env = { DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: '4', ORDERS_API_KEY: KEY };
    a = await startApp(env, mkdtempSync(join(tmpdir(), 'instance-a-')));
    b = await startApp(env, mkdtempSync(join(tmpdir(), 'instance-b-')));
  }, 120_000);
  afterAll(async () => { await Promise.all([a?.app.close(), b?.app.close()]); });

  it('a conversation whose turns alternate between the instances completes identify → suggest → refine → survey → erase', async () => {
    const id = nextId();
    let previous: ReplyActivity[] = [];
    for (const [i, turn] of conversationTurns({ email: 'priya.shah@example.com', postcode: 'M1 1AE' }).entries()) {
      const input = typeof turn.say === 'string' ? { text: turn.say } : turn.say(previous as Reply[]);
      const { text, value } = input as { text?: string; value?: unknown };
      previous = await say(i % 2 ? b.url : a.url, id, text, { value, from: { id: `u-${id}` } });
      expect(texts(previous)).toMatch(turn.expect);
      expect(turn.check?.(previous as Reply[]) ?? null).toBeNull();
    }
  }, 90_000);

  it('two turns of one conversation arriving at both instances at once lose neither change', async () => {
    const id = nextId();
    const user = { from: { id: `u-${id}` } };
    await say(a.url, id, 'hi', user);
    const shown = new Set<string>();
    for (let round = 0; round < 3; round++) {
      const [atA, atB] = await Promise.all([say(a.url, id, 'show me candles', user), say(b.url, id, 'show me bags', user)]);
      for (const replies of [atA, atB]) {
        expect(texts(replies)).not.toMatch(APOLOGY);
        const ids = cardTexts(replies).map((c) => c.productId);
        expect(ids.length).toBeGreaterThan(0);
        ids.forEach((p) => shown.add(p));
      }
    }
    // The session remembers every product shown in the conversation: botbuilder saves state with eTag '*' (last
    // write wins), so overlapping turns would drop the other's products. Read it from the database itself.
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ doc: unknown }>('SELECT doc FROM bot_state WHERE key LIKE $1', [`%${id}%`]);
    await client.end();
    const stored = JSON.stringify(rows.map((r) => r.doc));
    expect([...shown].filter((p) => !stored.includes(`"${p}"`))).toEqual([]);
  }, 60_000);

  it("a first-time buyer's order taken by one instance: they sign in on the other, and its suggestions know the order", async () => {
    const customerId = 'web-new-buyer-1';
    const res = await fetch(`${a.url}/api/orders`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({
        id: 'WEB-7001', customerId, lines: [{ productId: '85123A', quantity: 2, unitPrice: 2.55 }],
        customer: { displayName: 'Nina Novak', email: 'nina.novak@example.com', postcode: 'EH1 1YZ', country: 'United Kingdom' },
      }),
    });
    expect(res.status).toBe(201);
    const id = nextId();
    const user = { from: { id: `u-${id}` } };
    await say(b.url, id, 'sign in', user);
    await say(b.url, id, 'Nina.Novak@example.com', user);
    expect(texts(await say(b.url, id, 'WEB-7001', user))).toMatch(/signed in/i);
    const identity = signIdentity(customerId, TEST_IDENTITY_SECRET, 300);
    const ms = await until(async () => {
      const replies = await say(b.url, nextId(), 'show me candles', { channelData: { identity } });
      return cardTexts(replies).some((c) => /bought this before|bought with|Goes well with|same range as/i.test(c.text ?? ''));
    });
    process.stdout.write(`postgresInstances.test: an order taken by instance A reached B's suggestions after ${ms} ms (incl. polling)\n`);
  }, 60_000);

  it("an order taken by one instance counts in the other's segmentation: its next assignment for the customer sees both orders", async () => {
    const customerId = 'web-new-buyer-2';
    const postOrder = (url: string, id: string, customer?: object) => fetch(`${url}/api/orders`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ id, customerId, lines: [{ productId: '85123A', quantity: 4, unitPrice: 2.5 }], ...(customer ? { customer } : {}) }),
    });
    expect((await postOrder(a.url, 'WEB-8001', { displayName: 'Omar Haddad', email: 'omar.haddad@example.com', postcode: 'LS1 4AP', country: 'United Kingdom' })).status).toBe(201);
    // B has applied the change once its suggestions know the order (index and engine take it in the same step).
    const identity = signIdentity(customerId, TEST_IDENTITY_SECRET, 300);
    await until(async () => cardTexts(await say(b.url, nextId(), 'show me candles', { channelData: { identity } }))
      .some((c) => /bought this before|bought with|Goes well with|same range as/i.test(c.text ?? '')));
    expect((await postOrder(b.url, 'WEB-8002')).status).toBe(201);
    // The stored assignment counts both orders within the sync window, whichever instance applied what first.
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    let rfm: { frequency: number; monetary: number } | undefined;
    await until(async () => {
      const { rows } = await client.query<{ doc: { rfm: { frequency: number; monetary: number } } }>('SELECT doc FROM segments WHERE customer_id = $1', [customerId]);
      rfm = rows[0]?.doc.rfm;
      return rfm?.frequency === 2;
    }, 5_000).catch(() => undefined);
    await client.end();
    expect(rfm).toMatchObject({ frequency: 2, monetary: 20 });
  }, 60_000);

  it("a product taken out of stock on one instance leaves the other's suggestions", async () => {
    const firstCard = async (url: string) => cardTexts(await say(url, nextId(), 'show me candles')).map((c) => c.productId)[0];
    const productId = await firstCard(b.url);
    expect(productId).toBeDefined();
    const { addedAt: _kept, ...product } = (await readSeedFile(DEFAULT_SEED_PATH)).products.find((p) => p.id === productId)!;
    const res = await fetch(`${a.url}/api/products/${encodeURIComponent(productId!)}`, {
      method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify({ ...product, inStock: false }),
    });
    expect(res.status).toBe(200);
    const ms = await until(async () => {
      const ids = cardTexts(await say(b.url, nextId(), 'show me candles')).map((c) => c.productId);
      return !ids.includes(productId);
    });
    process.stdout.write(`postgresInstances.test: a stock change on A reached B's suggestions after ${ms} ms (incl. polling)\n`);
  }, 60_000);
});
