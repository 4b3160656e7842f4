/**
 * POST /api/orders at the HTTP edge, on a real restify server on loopback with the bot server's body parser:
 * disabled, authentication, validation and how each intake outcome is answered. The intake itself is a
 * recording stand-in here (test/bot/orderIntake.test.ts runs the real one over a real store).
 */
import { registerOrderRoutes } from '../../bot/orderRoutes';
import { listenWithRoutes } from './support/shopRouteServer';
import type { IncomingOrder, IntakeOutcome } from '../../services/orderIntake';

const KEY = 'order-intake-key-order-intake-key-0123';
const NOW = new Date('2026-11-22T10:00:00.000Z');
const ORDER = { id: 'web-1', customerId: '14741', date: '2026-11-22T09:00:00Z', lines: [{ productId: '85123A', quantity: 2, unitPrice: 2.55 }] };

interface Harness { base: string; received: IncomingOrder[]; errors: string[]; close(): Promise<void> }

async function start(apiKey: string | undefined, outcome: (order: IncomingOrder) => IntakeOutcome): Promise<Harness> {
  const received: IncomingOrder[] = [];
  const errors: string[] = [];
  const server = await listenWithRoutes((s) => registerOrderRoutes(s, {
    apiKey,
    now: () => NOW,
    intake: { record: async (order) => { received.push(order); return outcome(order); } },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: (msg) => errors.push(msg) },
  }), 64 * 1024);
  return { ...server, received, errors };
}

const recorded = (order: IncomingOrder): IntakeOutcome => ({ kind: 'recorded', orderId: order.id, segment: { rfm: 'champions', primary: 'gift_buyers' }, newCustomer: false });
const NEW_BUYER = { displayName: 'Ada Lovelace', email: 'ada@example.com', country: 'United Kingdom', postcode: 'SW1A 1AA' };

function post(h: Harness, body: unknown, authorization: string | null = `Bearer ${KEY}`): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== null) headers.authorization = authorization;
  return fetch(`${h.base}/api/orders`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

describe('POST /api/orders without ORDERS_API_KEY', () => {
  it('answers 404 saying how to turn intake on, whatever the caller sends', async () => {
    const h = await start(undefined, recorded);
    try {
      const res = await post(h, ORDER, 'Bearer anything-at-all');
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'intake_disabled', message: expect.stringMatching(/ORDERS_API_KEY/) });
      expect(h.received).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe('POST /api/orders with a key', () => {
  let h: Harness;
  let outcome: (order: IncomingOrder) => IntakeOutcome = recorded;
  beforeAll(async () => { h = await start(KEY, (order) => outcome(order)); });
  afterAll(async () => { await h.close(); });
  beforeEach(() => { h.received.length = 0; outcome = recorded; });

  it.each([
    ['no Authorization header', null],
    ['a wrong key', `Bearer ${KEY.slice(0, -1)}x`],
    ['the key with a suffix', `Bearer ${KEY}0`],
    ['another scheme', `Basic ${KEY}`],
    ['Bearer without a key', 'Bearer '],
  ])('answers 401 with WWW-Authenticate: Bearer to %s', async (_name, authorization) => {
    const res = await post(h, ORDER, authorization);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(await res.json()).toEqual({ error: 'unauthorized', message: expect.stringMatching(/Authorization: Bearer/) });
    expect(h.received).toEqual([]);
  });

  it('accepts the scheme in any case', async () => {
    expect((await post(h, ORDER, `bearer ${KEY}`)).status).toBe(201);
  });

  it.each([
    ['no id', { ...ORDER, id: undefined }, /^id: /],
    ['a blank id', { ...ORDER, id: '  ' }, /^id: must be a non-empty string/],
    ['no customerId', { ...ORDER, customerId: undefined }, /^customerId: /],
    ['a date that is not ISO 8601', { ...ORDER, date: 'Nov 22 2026' }, /^date: must be an ISO 8601 date-time/],
    ['a date without a time', { ...ORDER, date: '2026-11-22' }, /^date: /],
    ['a date in the future', { ...ORDER, date: '2026-11-22T11:00:00Z' }, /^date: must not be in the future/],
    ['no lines', { ...ORDER, lines: [] }, /^lines: must hold at least one line/],
    ['lines not a list', { ...ORDER, lines: 'two mugs' }, /^lines: /],
    ['a zero quantity', { ...ORDER, lines: [{ productId: 'p', quantity: 0, unitPrice: 1 }] }, /^lines\.0\.quantity: must be greater than 0/],
    ['a fractional quantity', { ...ORDER, lines: [{ productId: 'p', quantity: 1.5, unitPrice: 1 }] }, /^lines\.0\.quantity: must be a whole number/],
    ['a negative price', { ...ORDER, lines: [{ productId: 'p', quantity: 1, unitPrice: 1 }, { productId: 'q', quantity: 1, unitPrice: -1 }] }, /^lines\.1\.unitPrice: must be 0 or more/],
    ['a price as text', { ...ORDER, lines: [{ productId: 'p', quantity: 1, unitPrice: '1.00' }] }, /^lines\.0\.unitPrice: /],
    ['a unit price of 1.7e308', { ...ORDER, lines: [{ productId: 'p', quantity: 2, unitPrice: 1.7e308 }] }, /^lines\.0\.unitPrice: must be at most 100000$/],
    ['a unit price above the default maximum', { ...ORDER, lines: [{ productId: 'p', quantity: 1, unitPrice: 1 }, { productId: 'q', quantity: 1, unitPrice: 100000.5 }] }, /^lines\.1\.unitPrice: must be at most 100000$/],
    ['a quantity of 1e300', { ...ORDER, lines: [{ productId: 'p', quantity: 1e300, unitPrice: 1 }] }, /^lines\.0\.quantity: must be at most 100000$/],
    ['a quantity above the default maximum', { ...ORDER, lines: [{ productId: 'p', quantity: 100001, unitPrice: 1 }] }, /^lines\.0\.quantity: must be at most 100000$/],
    ['a blank product id', { ...ORDER, lines: [{ productId: '', quantity: 1, unitPrice: 1 }] }, /^lines\.0\.productId: /],
    ['a list instead of an order', [ORDER], /^body: /],
    ['a new customer without an email', { ...ORDER, customer: { ...NEW_BUYER, email: undefined } }, /^customer\.email: /],
    ['a new customer with a bad email', { ...ORDER, customer: { ...NEW_BUYER, email: 'ada at example' } }, /^customer\.email: must be an email address/],
    ['a new customer without a name', { ...ORDER, customer: { ...NEW_BUYER, displayName: ' ' } }, /^customer\.displayName: must be a non-empty string/],
    ['a new customer without a country', { ...ORDER, customer: { ...NEW_BUYER, country: undefined } }, /^customer\.country: /],
    ['consent as text', { ...ORDER, customer: { ...NEW_BUYER, consent: { marketing: 'yes' } } }, /^customer\.consent\.marketing: /],
  ])('answers 400 naming the first bad field for %s', async (_name, body, message) => {
    const res = await post(h, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_order', message: expect.stringMatching(message) });
    expect(h.received).toEqual([]);
  });

  it('passes a first-time buyer\'s details on, postcode optional', async () => {
    await post(h, { ...ORDER, customer: { ...NEW_BUYER, postcode: undefined, consent: { marketing: true } } });
    expect(h.received[0].customer).toEqual({ displayName: 'Ada Lovelace', email: 'ada@example.com', country: 'United Kingdom', postcode: '', consent: { marketing: true } });
  });

  it('answers 400 to malformed JSON', async () => {
    expect((await post(h, '{"id": "web-1",')).status).toBe(400);
  });

  it('passes the order on with its date in one canonical form, and without a date leaves it to the intake', async () => {
    await post(h, { ...ORDER, date: '2026-11-22T10:30:00+01:00', extra: 'ignored' });
    await post(h, { ...ORDER, date: undefined });
    expect(h.received).toEqual([
      { id: 'web-1', customerId: '14741', date: '2026-11-22T09:30:00.000Z', lines: ORDER.lines },
      { id: 'web-1', customerId: '14741', lines: ORDER.lines },
    ]);
  });

  it.each<[string, IntakeOutcome, number, Record<string, unknown>]>([
    ['recorded', { kind: 'recorded', orderId: 'web-1', segment: { rfm: 'champions', primary: 'gift_buyers' }, newCustomer: false }, 201,
      { orderId: 'web-1', recorded: true, newCustomer: false, segment: { rfm: 'champions', primary: 'gift_buyers' } }],
    ['recorded with a new customer', { kind: 'recorded', orderId: 'web-1', segment: null, newCustomer: true }, 201,
      { orderId: 'web-1', recorded: true, newCustomer: true, segment: null }],
    ['a repeat', { kind: 'duplicate', orderId: 'web-1' }, 200, { orderId: 'web-1', recorded: false }],
    ['a conflict', { kind: 'conflict', orderId: 'web-1' }, 409, { error: 'order_conflict', message: expect.stringMatching(/web-1.*different/) }],
    ['an unknown customer', { kind: 'unknown_customer', customerId: '14741', erased: false }, 404,
      { error: 'unknown_customer', message: expect.stringMatching(/No customer 14741: send a "customer" object/) }],
    ['an erased customer', { kind: 'unknown_customer', customerId: '14741', erased: true }, 404,
      { error: 'unknown_customer', message: expect.stringMatching(/14741 asked for their data to be erased/) }],
    ['an email in use', { kind: 'email_in_use', customerId: 'n1' }, 409, { error: 'email_in_use', message: expect.stringMatching(/another customer already has that email/) }],
    ['unknown products', { kind: 'unknown_products', productIds: ['X1', 'X2'] }, 422,
      { error: 'unknown_products', message: expect.stringMatching(/X1, X2/), productIds: ['X1', 'X2'] }],
  ])('answers %s', async (_name, result, status, body) => {
    outcome = () => result;
    const res = await post(h, ORDER);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual(body);
  });

  it('answers 500 without internals when recording throws, and logs it', async () => {
    outcome = () => { throw new Error('disk full at /secret/path'); };
    const res = await post(h, ORDER);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ error: 'internal_error' });
    expect(text).not.toMatch(/secret/);
    expect(h.errors).toContain('order intake failed');
  });
});
