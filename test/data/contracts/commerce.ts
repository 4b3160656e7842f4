/** The contracts of the commerce ports: customers, catalogue, orders, segment assignments. */
import type { SegmentAssignment } from '../../../domain/model';
import { AT, customer, order, product } from '../storeFixtures';
import { actThenCheck, ids, sortedIds, type StoreFactory } from './harness';

export function segment(customerId: string, primary: string): SegmentAssignment {
  return {
    customerId, rfm: { recencyDays: 3, frequency: 2, monetary: 10, r: 5, f: 2, m: 1, label: 'new_customers' },
    rules: ['gift_buyers'], primary, persona: 'newcomer', computedAt: AT, history: [{ at: AT, primary: 'x', rfmLabel: 'y' }],
  };
}

export function customerContract(factory: () => StoreFactory): void {
  describe('CustomerRepository', () => {
    it('gets by id, finds by trimmed case-insensitive email, follows an email change, hides erased customers', async () => {
      await actThenCheck(factory(), async ({ repositories: { customers } }) => {
        const c1 = await customers.get('C1');
        await customers.put({ ...c1!, email: 'New.Address@example.com' });
        const c2 = await customers.get('C2');
        await customers.put({ ...c2!, erasedAt: AT, displayName: '', email: '' });
        await customers.put(customer('C3'));
      }, async ({ repositories: { customers } }) => {
        expect((await customers.findByEmail('  new.address@EXAMPLE.com '))?.id).toBe('C1');
        expect(await customers.findByEmail('person.C1@example.com')).toBeUndefined();
        expect(await customers.findByEmail('second.person@example.com')).toBeUndefined();
        expect(await customers.findByEmail('')).toBeUndefined();
        expect(await customers.get('C3')).toEqual(customer('C3'));
        expect((await customers.get('C2'))?.erasedAt).toBe(AT);
        expect(await customers.get('nobody')).toBeUndefined();
        expect(sortedIds(await customers.list())).toEqual(['C1', 'C2', 'C3']);
      });
    });

    it("refuses another customer's email and invalid records, storing nothing; an erased customer's email is free", async () => {
      await actThenCheck(factory(), async ({ repositories: { customers } }) => {
        await expect(customers.put(customer('C5', 'SECOND.person@example.com'))).rejects.toThrow(/belongs to another customer/);
        await expect(customers.put({ ...customer('C6'), consent: undefined } as never)).rejects.toThrow(/Invalid customer: consent/);
        await customers.put({ ...customer('C1'), erasedAt: AT });
        await customers.put(customer('C7', 'person.C1@example.com'));
      }, async ({ repositories: { customers } }) => {
        expect(await customers.get('C5')).toBeUndefined();
        expect(await customers.get('C6')).toBeUndefined();
        expect((await customers.findByEmail('person.c1@example.com'))?.id).toBe('C7');
      });
    });
  });
}

/** Sign-in answers are typed by shoppers: a NUL character in one is no match, never an error. */
export function typedLookupContract(factory: () => StoreFactory): void {
  describe('lookups with typed text', () => {
    it('a NUL character in an email, an order number or an id finds nothing and throws nothing', async () => {
      const session = await factory().open();
      try {
        const { customers, orders, catalog, segments, locks } = session.store.repositories;
        expect(await customers.findByEmail('person.c1@example.com\u0000')).toBeUndefined();
        expect(await customers.get('C1\u0000')).toBeUndefined();
        expect(await orders.get('O1\u0000')).toBeUndefined();
        expect(await orders.forCustomer('C1\u0000')).toEqual([]);
        expect(await catalog.get('P1\u0000')).toBeUndefined();
        expect(await segments.get('C1\u0000')).toBeUndefined();
        expect(await locks.get('user:webchat/\u0000')).toBeUndefined();
        // Written with one, found again with the same text.
        await locks.put('user:webchat/odd\u0000', { failures: 1, lockedUntil: null });
        expect(await locks.get('user:webchat/odd\u0000')).toEqual({ failures: 1, lockedUntil: null });
        await customers.put(customer('C8', 'odd\u0000@example.com'));
        expect((await customers.findByEmail('ODD\u0000@example.com'))?.id).toBe('C8');
        await orders.add(order('O\u00008', 'C8'));
        expect(await orders.forCustomer('C8')).toHaveLength(1);
      } finally {
        await session.dispose();
      }
    });
  });
}

export function catalogContract(factory: () => StoreFactory): void {
  describe('CatalogRepository', () => {
    it('gets, lists, adds and replaces products, one at a time or in a batch', async () => {
      await actThenCheck(factory(), async ({ repositories: { catalog } }) => {
        await catalog.put({ ...product('P1'), price: 9.99, inStock: false });
        await catalog.putMany([product('P3', 'bags'), { ...product('P2', 'toys_games'), subcategory: 'dolls' }]);
        await catalog.putMany([]);
      }, async ({ repositories: { catalog } }) => {
        expect(await catalog.get('P1')).toEqual({ ...product('P1'), price: 9.99, inStock: false });
        expect(await catalog.get('P2')).toEqual({ ...product('P2', 'toys_games'), subcategory: 'dolls' });
        expect(await catalog.get('nope')).toBeUndefined();
        expect(sortedIds(await catalog.list())).toEqual(['P1', 'P2', 'P3']);
      });
    });

    it('stores none of a batch when one product is invalid', async () => {
      await actThenCheck(factory(), async ({ repositories: { catalog } }) => {
        await expect(catalog.putMany([product('P4'), { ...product('P5'), currency: 'POUNDS' }])).rejects.toThrow(/Invalid product: currency/);
      }, async ({ repositories: { catalog } }) => {
        expect(await catalog.get('P4')).toBeUndefined();
        expect(await catalog.list()).toHaveLength(2);
      });
    });

    it('a batch that repeats an id keeps its last copy', async () => {
      await actThenCheck(factory(), async ({ repositories: { catalog } }) => {
        await catalog.putMany([{ ...product('P6'), price: 1 }, { ...product('P6'), price: 2 }]);
      }, async ({ repositories: { catalog } }) => {
        expect((await catalog.get('P6'))?.price).toBe(2);
      });
    });
  });
}

export function orderContract(factory: () => StoreFactory): void {
  describe('OrderRepository', () => {
    it("adds orders, lists a customer's in the order added, refuses a duplicate id", async () => {
      await actThenCheck(factory(), async ({ repositories: { orders } }) => {
        await orders.add({ ...order('O9', 'C2'), date: '2026-11-22T10:00:00Z', lines: [{ productId: 'P2', quantity: 1.5, unitPrice: 2.55 }] });
        await expect(orders.add(order('O9', 'C1'))).rejects.toThrow(/duplicate order id "O9"/);
        await expect(orders.add({ ...order('O10', 'C1'), date: 'yesterday' })).rejects.toThrow(/Invalid order: date/);
      }, async ({ repositories: { orders } }) => {
        expect(ids(await orders.forCustomer('C2'))).toEqual(['O3', 'O9']);
        expect(await orders.get('O9')).toEqual({ id: 'O9', customerId: 'C2', date: '2026-11-22T10:00:00Z', lines: [{ productId: 'P2', quantity: 1.5, unitPrice: 2.55 }] });
        expect(await orders.get('O10')).toBeUndefined();
        expect(await orders.forCustomer('nobody')).toEqual([]);
        expect(sortedIds(await orders.list())).toEqual(['O1', 'O2', 'O3', 'O9']);
      });
    });

    it("reassignCustomer re-keys exactly the customer's orders to the pseudonym, once", async () => {
      await actThenCheck(factory(), async ({ repositories: { orders } }) => {
        expect(await orders.reassignCustomer('C1', 'erased-1a2b')).toBe(2);
        expect(await orders.reassignCustomer('C1', 'erased-1a2b')).toBe(0);
        expect(await orders.reassignCustomer('C2', 'C2')).toBe(0);
      }, async ({ repositories: { orders } }) => {
        expect(await orders.forCustomer('C1')).toEqual([]);
        expect(sortedIds(await orders.forCustomer('erased-1a2b'))).toEqual(['O1', 'O2']);
        expect((await orders.get('O1'))?.customerId).toBe('erased-1a2b');
        expect(ids(await orders.forCustomer('C2'))).toEqual(['O3']);
      });
    });
  });
}

export function segmentContract(factory: () => StoreFactory): void {
  describe('SegmentRepository', () => {
    it('putMany upserts, remove deletes, a batch with an invalid assignment stores none', async () => {
      await actThenCheck(factory(), async ({ repositories: { segments } }) => {
        await segments.putMany([segment('C1', 'new_customers'), segment('C2', 'champions')]);
        await segments.putMany([segment('C1', 'loyal_customers')]);
        await segments.remove('C2');
        await segments.remove('nobody');
        await expect(segments.putMany([segment('C2', 'x'), { ...segment('C3', 'y'), rfm: undefined } as never])).rejects.toThrow(/segment assignment: rfm/);
      }, async ({ repositories: { segments } }) => {
        expect(await segments.get('C1')).toEqual(segment('C1', 'loyal_customers'));
        expect(await segments.get('C2')).toBeUndefined();
        expect((await segments.list()).map((s) => s.customerId)).toEqual(['C1']);
      });
    });
  });
}
