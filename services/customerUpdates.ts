/**
 * Read-modify-write of one customer record, one at a time per customer. Consent changes, erasure and identity
 * linking each rewrite the whole record; without this, two of them at once lose one change (an opt-out!).
 * In-process only, which fits the store: one process per lowdb file.
 */
import type { Customer } from '../domain/model';
import type { CustomerRepository } from '../data/ports';
import { KeyedSerializer } from '../domain/keyedSerializer';

const updates = new KeyedSerializer();

/** `change` gets the current record and returns the record to store, or undefined to store nothing. */
export function updateCustomer(
  customers: CustomerRepository, customerId: string, change: (current: Customer | undefined) => Customer | undefined,
): Promise<Customer | undefined> {
  return updates.run([customerId], async () => {
    const next = change(await customers.get(customerId));
    if (next) await customers.put(next);
    return next;
  });
}

const lifecycles = new KeyedSerializer();

/**
 * Runs `task` while no other lifecycle task of the same customer runs. Erasure and order intake both take it, so an
 * order can never be stored after an erasure has re-keyed the customer's orders to a pseudonym (or its segment be
 * written after the erasure removed it). Separate from `updateCustomer`, which erasure calls inside its task.
 */
export function exclusivelyFor<T>(customerId: string, task: () => Promise<T>): Promise<T> {
  return lifecycles.run([customerId], task);
}
