import fc from 'fast-check';
import type { Order } from '../../../domain/model';
import { SegmentAssignmentSchema } from '../../../domain/model';
import {
  SegmentationEngine, defaultSegmentDefinitions, isStale, personaFor, guestPersona, sameSegmentation, snapshotOf,
  RFM_LABELS, type ClusterModel,
} from '../../../recommender/segmentation';
import { FEATURE_NAMES } from '../../../recommender/segmentation/clustering';
import { AS_OF, FIXED_CLOCK, customer } from './builders';

const definitions = defaultSegmentDefinitions();
const categoryOf = (productId: string) => ['christmas', 'bags', 'kitchen_dining'][Number(productId.slice(1)) % 3];

/** A fixed model, so that cluster placement is part of the comparison without fitting k-means. */
const model: ClusterModel = {
  k: 3, silhouette: 0, silhouetteByK: {},
  means: FEATURE_NAMES.map(() => 0), stds: FEATURE_NAMES.map(() => 1), descriptions: ['a', 'b', 'c'],
  centroids: [FEATURE_NAMES.map((_, d) => (d === 1 ? 0.5 : 0)), FEATURE_NAMES.map((_, d) => (d === 2 ? 4 : 0)), FEATURE_NAMES.map((_, d) => (d === 4 ? 1 : 3))],
};

const orderArbitrary: fc.Arbitrary<RawOrder> = fc.record({
  customer: fc.integer({ min: 0, max: 7 }),
  day: fc.integer({ min: 0, max: 400 }),
  lines: fc.array(fc.record({ product: fc.integer({ min: 0, max: 5 }), quantity: fc.integer({ min: 1, max: 400 }), price: fc.integer({ min: 0, max: 5000 }) }), { minLength: 1, maxLength: 3 }),
});

interface RawOrder { customer: number; day: number; lines: { product: number; quantity: number; price: number }[] }

function toOrders(raw: RawOrder[]): Order[] {
  return raw.map((o, i) => ({
    id: `o${i}`, customerId: String(10 + o.customer * 7),
    date: new Date(AS_OF.getTime() - o.day * 86_400_000 - 3_600_000).toISOString(),
    lines: o.lines.map((l) => ({ productId: `p${l.product}`, quantity: l.quantity, unitPrice: l.price / 100 })),
  }));
}

const customers = Array.from({ length: 6 }, (_, i) => customer(String(10 + i * 7), i % 2 ? { country: 'France' } : {}));
const newEngine = () => new SegmentationEngine(definitions, { clusters: model, categoryOf, clock: FIXED_CLOCK });

describe('incremental updates equal a full recompute', () => {
  it('for any orders, in any split between the initial computation and later arrivals', () => {
    fc.assert(
      fc.property(fc.array(orderArbitrary, { maxLength: 25 }), fc.nat(), (raw, cut) => {
        const orders = toOrders(raw);
        const split = orders.length === 0 ? 0 : cut % (orders.length + 1);
        const incremental = newEngine();
        incremental.computeAll(customers, orders.slice(0, split), AS_OF);
        for (const o of orders.slice(split)) incremental.applyOrder(o, AS_OF);
        const full = newEngine().computeAll(customers, orders, AS_OF);
        const after = new Map(incremental.assignments().map((a) => [a.customerId, a]));
        expect(after.size).toBe(full.length);
        for (const a of full) expect(sameSegmentation(after.get(a.customerId) ?? a, a) && after.has(a.customerId)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('returns exactly the assignments that changed', () => {
    const engine = newEngine();
    const orders = toOrders([
      { customer: 0, day: 300, lines: [{ product: 0, quantity: 1, price: 500 }] },
      { customer: 1, day: 10, lines: [{ product: 1, quantity: 2, price: 900 }] },
    ]);
    const before = engine.computeAll(customers, orders, AS_OF).map((a) => ({ ...a }));
    const [late] = toOrders([{ customer: 0, day: 1, lines: [{ product: 2, quantity: 1, price: 100 }] }]);
    const changed = engine.applyOrder({ ...late, id: 'late' }, AS_OF);
    const moved = engine.assignments().filter((a, i) => !sameSegmentation(a, before[i])).map((a) => a.customerId);
    expect(changed.map((a) => a.customerId).sort()).toEqual(moved.sort());
    expect(changed.map((a) => a.customerId)).toContain('10');
  });
});

describe('assignments', () => {
  const orders = toOrders([{ customer: 0, day: 3, lines: [{ product: 0, quantity: 1, price: 2500 }] }]);

  it('match the domain schema and carry a persona every dialog can read', () => {
    for (const a of newEngine().computeAll(customers, orders, AS_OF)) {
      expect(SegmentAssignmentSchema.safeParse(a).success).toBe(true);
      expect(personaFor(a).id).toBe(a.persona);
      expect(snapshotOf(a)).toEqual({ primary: a.primary, rfmLabel: a.rfm.label, persona: a.persona });
    }
  });

  it('every RFM label has a persona, and guests get the first-visit one', () => {
    for (const label of RFM_LABELS) expect(personaFor({ persona: 'unknown', rfm: { label, recencyDays: 0, frequency: 0, monetary: 0, r: 0, f: 0, m: 0 } }).id).toBeTruthy();
    expect(guestPersona().strategy).toBe('welcome_bestsellers');
  });

  it('keep history: a new entry only when the segment changed, stamped with the computation time', () => {
    const first = newEngine().computeAll(customers, [], AS_OF);
    const clock = () => new Date('2011-12-12T08:00:00.000Z');
    const second = new SegmentationEngine(definitions, { clusters: false, clock }).computeAll(customers, orders, AS_OF, first);
    const buyer = second.find((a) => a.customerId === '10');
    const idle = second.find((a) => a.customerId === '24');
    expect(buyer?.history.map((h) => h.rfmLabel)).toEqual(['no_history', buyer?.rfm.label]);
    expect(buyer?.computedAt).toBe('2011-12-12T08:00:00.000Z');
    expect(idle?.history).toEqual([{ at: '2011-12-11T08:00:00.000Z', primary: 'no_history', rfmLabel: 'no_history' }]);
  });
});

describe('isStale', () => {
  const at = (computedAt: string) => ({ computedAt });
  it.each([
    [[], true],
    [[at('2011-12-11T00:00:00Z')], false],
    [[at('2011-12-11T00:00:00Z'), at('2011-12-09T00:00:00Z')], true],
  ])('%j -> %s', (assignments, stale) => {
    expect(isStale(assignments, new Date('2011-12-11T12:00:00Z'), 86_400_000)).toBe(stale);
  });
});

describe('erasure in the engine', () => {
  const erasedOrders = (orders: Order[], from: string, to: string): Order[] => orders.map((o) => (o.customerId === from ? { ...o, customerId: to } : o));

  it('re-keys the customer to the pseudonym: nothing is keyed by them, and later orders give what a recompute gives', () => {
    fc.assert(
      fc.property(fc.array(orderArbitrary, { minLength: 1, maxLength: 20 }), fc.array(orderArbitrary, { maxLength: 5 }), (before, after) => {
        const orders = toOrders(before);
        const later = toOrders(after).map((o, i) => ({ ...o, id: `later${i}` })).filter((o) => o.customerId !== '10');
        const engine = newEngine();
        engine.computeAll(customers, orders, AS_OF);
        const known = engine.assignmentOf('10') !== undefined;
        expect(engine.reassignCustomer('10', 'anon-1')).toBe(known);
        expect(engine.assignmentOf('10')).toBeUndefined();
        for (const o of later) expect(engine.applyOrder(o, AS_OF).map((a) => a.customerId)).not.toContain('10');
        const remaining = customers.filter((c) => c.id !== '10');
        const full = newEngine().computeAll(remaining, [...erasedOrders(orders, '10', 'anon-1'), ...later], AS_OF);
        const incremental = new Map(engine.assignments().map((a) => [a.customerId, a]));
        expect(incremental.has('10')).toBe(false);
        for (const a of full) expect(sameSegmentation(incremental.get(a.customerId) ?? a, a) && incremental.has(a.customerId)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('answers false for a customer it does not know, and never takes an id already in use', () => {
    const engine = newEngine();
    engine.computeAll(customers, toOrders([{ customer: 0, day: 3, lines: [{ product: 1, quantity: 1, price: 100 }] }, { customer: 1, day: 4, lines: [{ product: 1, quantity: 1, price: 100 }] }]), AS_OF);
    expect(engine.reassignCustomer('nobody', 'anon-2')).toBe(false);
    expect(engine.reassignCustomer('10', '17')).toBe(false);
    expect(engine.assignmentOf('10')).toBeDefined();
  });
});
