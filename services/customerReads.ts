/**
 * What a turn reads about an identified customer (record, segment assignment, dismissed products), read at most once
 * per turn: identification, the profile refresh and the suggestion service's consent gate all ask, and without the
 * memo each would go to the store again. The store may answer all three in one round trip (PostgreSQL does).
 * Outside a turn (`withTurnMemo` not entered) every call reads the store.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { CustomerRepository, SegmentRepository, SuggestionEventRepository } from '../data/ports';
import type { Customer, SegmentAssignment } from '../domain/model';

export interface CustomerSnapshot {
  customer: Customer | undefined;
  segment: SegmentAssignment | undefined;
  /** Products the customer said "not interested" to, oldest first. */
  dismissedProductIds: string[];
}

/** The store's side: one customer's snapshot. */
export type CustomerSnapshotReader = (customerId: string) => Promise<CustomerSnapshot>;

/** The generic reader over the ports (lowdb answers from memory, so three calls cost nothing). */
export function repositorySnapshotReader(repos: {
  customers: CustomerRepository; segments: SegmentRepository; suggestionEvents: SuggestionEventRepository;
}): CustomerSnapshotReader {
  return async (customerId) => {
    const [customer, segment, events] = await Promise.all([
      repos.customers.get(customerId), repos.segments.get(customerId), repos.suggestionEvents.forCustomer(customerId),
    ]);
    return { customer, segment, dismissedProductIds: events.filter((e) => e.kind === 'dismissed').map((e) => e.productId) };
  };
}

const turnMemo = new AsyncLocalStorage<Map<string, Promise<CustomerSnapshot>>>();

/** Runs one turn with its own memo; what it read is forgotten when the turn ends. */
export function withTurnMemo<T>(work: () => Promise<T>): Promise<T> {
  return turnMemo.run(new Map(), work);
}

export class CustomerReads {
  constructor(private readonly read: CustomerSnapshotReader) {}

  snapshot(customerId: string): Promise<CustomerSnapshot> {
    const memo = turnMemo.getStore();
    if (!memo) return this.read(customerId);
    let known = memo.get(customerId);
    if (!known) {
      known = this.read(customerId);
      memo.set(customerId, known);
      // A failed read is not remembered: the next ask in the turn tries again.
      known.catch(() => memo.delete(customerId));
    }
    return known;
  }

  /** After a write to the customer (consent, linking, erasure): the turn's next read sees the store again. */
  forget(customerId: string): void {
    turnMemo.getStore()?.delete(customerId);
  }

  /** A dismissal recorded in this turn counts for the rest of the turn. */
  async noteDismissed(customerId: string, productIds: string[]): Promise<void> {
    const memo = turnMemo.getStore();
    const known = memo?.get(customerId);
    if (!memo || !known) return;
    const snapshot = await known.catch(() => undefined);
    if (snapshot) memo.set(customerId, Promise.resolve({ ...snapshot, dismissedProductIds: [...snapshot.dismissedProductIds, ...productIds] }));
  }
}

/** The customer repository as services use it: every write makes the turn's memo forget that customer. */
export function forgettingWrites(customers: CustomerRepository, reads: CustomerReads): CustomerRepository {
  return {
    get: (id) => customers.get(id),
    findByEmail: (email) => customers.findByEmail(email),
    list: () => customers.list(),
    put: async (customer) => {
      reads.forget(customer.id);
      try {
        await customers.put(customer);
      } finally {
        reads.forget(customer.id);
      }
    },
  };
}
