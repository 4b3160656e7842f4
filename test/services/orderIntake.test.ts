/**
 * OrderIntakeService with in-memory stand-ins that journal every effect: the order of effects, that a failure
 * after the durable write still counts as recorded, waiting for the start-up segmentation, one intake at a time,
 * and what counts as "the same order" for retries.
 */
import type { Customer, Order, Product, SegmentAssignment } from '../../domain/model';
import { exclusivelyFor } from '../../services/customerUpdates';
import { OrderIntakeService, sameOrder, type IncomingOrder, type OrderIntakeDeps, type SegmentUpdater } from '../../services/orderIntake';

const NOW = new Date('2026-11-22T10:00:00.000Z');
const customer = (id: string, erasedAt?: string) => ({ id, email: `${id}@example.com`, erasedAt }) as Customer;
const NEW_BUYER = { displayName: 'Ada Lovelace', email: 'ada@example.com', postcode: 'SW1A 1AA', country: 'United Kingdom' };
const ORDER: IncomingOrder = { id: 'o1', customerId: 'c1', date: '2026-11-21T09:00:00.000Z', lines: [{ productId: 'p1', quantity: 1, unitPrice: 2 }] };

function assignment(customerId: string, label: string): SegmentAssignment {
  return {
    customerId, rfm: { recencyDays: 0, frequency: 1, monetary: 2, r: 5, f: 1, m: 1, label }, rules: [], primary: label,
    persona: 'p', computedAt: NOW.toISOString(), history: [],
  };
}

interface Fakes { deps: OrderIntakeDeps; journal: string[]; stored: Order[]; errors: string[]; engine: SegmentUpdater; people: Map<string, Customer> }

function fakes(overrides: Partial<OrderIntakeDeps> = {}): Fakes {
  const journal: string[] = [];
  const stored: Order[] = [];
  const errors: string[] = [];
  const people = new Map(['c1', 'c2', 'other'].map((id) => [id, customer(id)]));
  people.set('gone', customer('gone', NOW.toISOString()));
  const engine: SegmentUpdater = {
    applyOrder: (order, asOf) => {
      journal.push(`engine.applyOrder ${order.id} asOf ${asOf.toISOString()}`);
      return [assignment(order.customerId, 'new_customers'), assignment('other', 'at_risk')];
    },
    assignmentOf: (id) => assignment(id, 'unchanged'),
    upsertCustomer: (c, asOf) => {
      journal.push(`engine.upsertCustomer ${c.id} asOf ${asOf.toISOString()}`);
      return [assignment(c.id, 'no_history')];
    },
  };
  const deps: OrderIntakeDeps = {
    customers: {
      get: async (id) => people.get(id),
      findByEmail: async (email) => [...people.values()].find((c) => c.email.toLowerCase() === email.trim().toLowerCase() && !c.erasedAt),
      put: async (c) => { journal.push(`customers.put ${c.id}`); people.set(c.id, c); },
    },
    catalog: { get: async (id) => (['p1', 'p2'].includes(id) ? ({ id } as Product) : undefined) },
    orders: {
      get: async (id) => { journal.push(`orders.get ${id}`); return stored.find((o) => o.id === id); },
      add: async (order) => { journal.push(`orders.add ${order.id}`); stored.push(order); },
    },
    segments: { putMany: async (changed) => { journal.push(`segments.putMany ${changed.map((a) => a.customerId).join(',')}`); } },
    recommender: {
      addOrder: (order) => { journal.push(`index.addOrder ${order.id}`); },
      updateSegmentLabels: async (changed) => { journal.push(`index.updateSegmentLabels ${changed.map((a) => a.customerId).join(',')}`); },
    },
    segmentation: async () => engine,
    log: { debug: () => {}, info: () => {}, warn: (msg) => errors.push(msg), error: (msg) => errors.push(msg) },
    now: () => NOW,
    ...overrides,
  };
  return { deps, journal, stored, errors, engine, people };
}

describe('OrderIntakeService.record', () => {
  it('writes the order durably first, then the index, the segments and the index groups', async () => {
    const f = fakes();
    const outcome = await new OrderIntakeService(f.deps).record(ORDER);
    expect(outcome).toEqual({ kind: 'recorded', orderId: 'o1', segment: { rfm: 'new_customers', primary: 'new_customers' }, newCustomer: false });
    expect(f.journal).toEqual([
      'orders.get o1', 'orders.add o1', 'index.addOrder o1', `engine.applyOrder o1 asOf ${NOW.toISOString()}`,
      'segments.putMany c1,other', 'index.updateSegmentLabels c1,other',
    ]);
  });

  it('never writes a segment for a customer erased since start, nor for an id without a customer', async () => {
    const f = fakes();
    f.engine.applyOrder = (order) => [assignment(order.customerId, 'champions'), assignment('gone', 'at_risk'), assignment('pseudonym-1', 'lost')];
    await new OrderIntakeService(f.deps).record(ORDER);
    expect(f.journal.filter((line) => line.startsWith('segments.') || line.startsWith('index.update'))).toEqual([
      'segments.putMany c1', 'index.updateSegmentLabels c1',
    ]);
  });

  it('waits while the customer is being erased, so it never stores an order behind the erasure', async () => {
    const f = fakes();
    let finishErasure = (): void => undefined;
    const erasure = exclusivelyFor('c1', () => new Promise<void>((resolve) => { finishErasure = resolve; }));
    const recording = new OrderIntakeService(f.deps).record(ORDER);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(f.journal).toEqual([]);
    finishErasure();
    await erasure;
    await recording;
    expect(f.journal.slice(0, 2)).toEqual(['orders.get o1', 'orders.add o1']);
  });

  it('registers a first-time buyer with the order: marketing off and personalisation on unless the shop says otherwise', async () => {
    const f = fakes();
    const outcome = await new OrderIntakeService(f.deps).record({ ...ORDER, customerId: 'n1', customer: NEW_BUYER });
    expect(outcome).toMatchObject({ kind: 'recorded', orderId: 'o1', newCustomer: true });
    expect(f.people.get('n1')).toEqual({
      id: 'n1', displayName: 'Ada Lovelace', email: 'ada@example.com', postcode: 'SW1A 1AA', country: 'United Kingdom',
      preferences: { categories: [], values: [] }, identities: [],
      consent: { marketing: false, personalization: true, updatedAt: NOW.toISOString() }, createdAt: NOW.toISOString(),
    });
    expect(f.journal).toEqual([
      'orders.get o1', 'customers.put n1', 'orders.add o1', 'index.addOrder o1', `engine.upsertCustomer n1 asOf ${NOW.toISOString()}`,
      `engine.applyOrder o1 asOf ${NOW.toISOString()}`, 'segments.putMany n1,other', 'index.updateSegmentLabels n1,other',
    ]);
    const optedOut = fakes();
    await new OrderIntakeService(optedOut.deps).record({ ...ORDER, customerId: 'n2', customer: { ...NEW_BUYER, consent: { marketing: true, personalization: false } } });
    expect(optedOut.people.get('n2')?.consent).toEqual({ marketing: true, personalization: false, updatedAt: NOW.toISOString() });
  });

  it('ignores new-customer details for a customer it already knows', async () => {
    const f = fakes();
    const outcome = await new OrderIntakeService(f.deps).record({ ...ORDER, customer: { ...NEW_BUYER, displayName: 'Someone Else' } });
    expect(outcome).toMatchObject({ kind: 'recorded', newCustomer: false });
    expect(f.people.get('c1')?.displayName).toBeUndefined();
    expect(f.journal).not.toContain('customers.put c1');
  });

  it('dates an order sent without a date at the moment it is recorded', async () => {
    const f = fakes();
    await new OrderIntakeService(f.deps).record({ ...ORDER, date: undefined });
    expect(f.stored[0].date).toBe(NOW.toISOString());
  });

  it.each<[string, IncomingOrder, object]>([
    ['an unknown customer', { ...ORDER, customerId: 'nobody' }, { kind: 'unknown_customer', customerId: 'nobody', erased: false }],
    ['an erased customer', { ...ORDER, customerId: 'gone' }, { kind: 'unknown_customer', customerId: 'gone', erased: true }],
    ['an erased customer, even with new details', { ...ORDER, customerId: 'gone', customer: NEW_BUYER }, { kind: 'unknown_customer', customerId: 'gone', erased: true }],
    ['a new customer whose email another customer has', { ...ORDER, customerId: 'n1', customer: { ...NEW_BUYER, email: ' C2@example.com' } }, { kind: 'email_in_use', customerId: 'n1' }],
    ['a new customer with unknown products', { ...ORDER, customerId: 'n1', customer: NEW_BUYER, lines: [{ productId: 'x', quantity: 1, unitPrice: 1 }] },
      { kind: 'unknown_products', productIds: ['x'] }],
    ['unknown products (each named once)', { ...ORDER, lines: [...ORDER.lines, { productId: 'x', quantity: 1, unitPrice: 1 }, { productId: 'x', quantity: 2, unitPrice: 1 }] },
      { kind: 'unknown_products', productIds: ['x'] }],
  ])('stores nothing for %s', async (_name, incoming, expected) => {
    const f = fakes();
    expect(await new OrderIntakeService(f.deps).record(incoming)).toEqual(expected);
    expect(f.stored).toEqual([]);
    expect(f.journal.filter((line) => !line.startsWith('orders.get'))).toEqual([]);
  });

  it('acknowledges the same order again without effects, and refuses the id with other content', async () => {
    const f = fakes();
    const intake = new OrderIntakeService(f.deps);
    await intake.record(ORDER);
    f.journal.length = 0;
    expect(await intake.record(ORDER)).toEqual({ kind: 'duplicate', orderId: 'o1' });
    expect(await intake.record({ ...ORDER, lines: [{ productId: 'p1', quantity: 2, unitPrice: 2 }] })).toEqual({ kind: 'conflict', orderId: 'o1' });
    expect(f.journal).toEqual(['orders.get o1', 'orders.get o1']);
  });

  it('still counts the order as recorded when a later step fails, and logs it', async () => {
    const f = fakes();
    f.deps.recommender.addOrder = () => { throw new Error('index broken'); };
    f.deps.segments.putMany = async () => { throw new Error('disk full'); };
    const outcome = await new OrderIntakeService(f.deps).record(ORDER);
    expect(outcome).toEqual({ kind: 'recorded', orderId: 'o1', segment: null, newCustomer: false });
    expect(f.stored.map((o) => o.id)).toEqual(['o1']);
    expect(f.errors).toEqual(['order intake: recommender index not updated', 'order intake: segments not updated']);
  });

  it('records the order without segments when the start-up segmentation failed', async () => {
    const f = fakes({ segmentation: async () => null });
    expect(await new OrderIntakeService(f.deps).record(ORDER)).toEqual({ kind: 'recorded', orderId: 'o1', segment: null, newCustomer: false });
    expect(f.journal).toEqual(['orders.get o1', 'orders.add o1', 'index.addOrder o1']);
    expect(f.errors).toEqual([expect.stringMatching(/segments not updated/)]);
  });

  it('waits for the start-up segmentation instead of failing', async () => {
    let finishRefresh: (engine: SegmentUpdater) => void = () => {};
    const refresh = new Promise<SegmentUpdater>((resolve) => { finishRefresh = resolve; });
    const f = fakes({ segmentation: () => refresh });
    const pending = new OrderIntakeService(f.deps).record(ORDER);
    await new Promise((resolve) => setImmediate(resolve));
    expect(f.journal).toEqual(['orders.get o1', 'orders.add o1', 'index.addOrder o1']);
    finishRefresh(f.engine);
    expect(await pending).toMatchObject({ kind: 'recorded', segment: { rfm: 'new_customers' } });
    expect(f.journal).toContain('segments.putMany c1,other');
  });

  it('runs concurrent intakes one after the other, so the same id sent twice at once is recorded once', async () => {
    const f = fakes();
    const intake = new OrderIntakeService(f.deps);
    const outcomes = await Promise.all([intake.record(ORDER), intake.record({ ...ORDER, id: 'o2', customerId: 'c2' }), intake.record(ORDER)]);
    expect(outcomes.map((o) => o.kind)).toEqual(['recorded', 'recorded', 'duplicate']);
    expect(f.stored.map((o) => o.id)).toEqual(['o1', 'o2']);
    // Each intake's segment write and index refresh finished before the next one read anything.
    expect(f.journal.indexOf('index.updateSegmentLabels c1,other')).toBeLessThan(f.journal.indexOf('orders.get o2'));
    expect(f.journal.indexOf('index.updateSegmentLabels c2,other')).toBeLessThan(f.journal.lastIndexOf('orders.get o1'));
  });

  it('answers a failed durable write by rejecting, with nothing else changed', async () => {
    const f = fakes();
    f.deps.orders.add = async () => { throw new Error('disk full'); };
    await expect(new OrderIntakeService(f.deps).record(ORDER)).rejects.toThrow('disk full');
    expect(f.journal).toEqual(['orders.get o1']);
  });
});

describe('sameOrder', () => {
  const stored: Order = { id: 'o1', customerId: 'c1', date: '2026-11-21T09:00:00.000Z', lines: [{ productId: 'a', quantity: 1, unitPrice: 2 }, { productId: 'b', quantity: 3, unitPrice: 1 }] };
  it.each<[string, Partial<IncomingOrder>, boolean]>([
    ['identical', {}, true],
    ['the lines in another order', { lines: [...stored.lines].reverse() }, true],
    ['the same instant in another offset', { date: '2026-11-21T10:00:00+01:00' }, true],
    ['no date (the server dated it)', { date: undefined }, true],
    ['another date', { date: '2026-11-21T09:00:01.000Z' }, false],
    ['another customer', { customerId: 'c2' }, false],
    ['another quantity', { lines: [{ productId: 'a', quantity: 2, unitPrice: 2 }, stored.lines[1]] }, false],
    ['a line fewer', { lines: [stored.lines[0]] }, false],
  ])('%s', (_name, change, expected) => {
    expect(sameOrder(stored, { ...stored, ...change })).toBe(expected);
  });
});
