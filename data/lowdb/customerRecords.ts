/**
 * The one per-customer index of the lowdb store: records that belong to a customer (orders, feedback, suggestion
 * events, audit entries by subject), indexed by id and by customer, so "everything of customer X" and erasure touch
 * only that customer's records. Records are frozen; a change stores a validated fresh copy with the same id.
 */
import { deepFreeze, InvalidRecordError } from '../records';
import { KeyedList } from './keyedList';

export interface CustomerRecordsOptions<T> {
  /** One record, for messages: "order". */
  what: string;
  idOf: (record: T) => string;
  /** The customer a record belongs to; null when none. */
  customerOf: (record: T) => string | null;
}

export class CustomerRecords<T> {
  private readonly byId: KeyedList<T>;
  private readonly byCustomer = new Map<string, T[]>();

  /** `items` is kept as the array behind the index (lowdb serialises it). */
  constructor(items: T[], private readonly options: CustomerRecordsOptions<T>) {
    for (const item of items) deepFreeze(item);
    this.byId = new KeyedList(items, options.idOf, options.what);
    for (const item of items) this.link(item);
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  all(): T[] {
    return this.byId.all();
  }

  forCustomer(customerId: string): T[] {
    return this.byCustomer.get(customerId)?.slice() ?? [];
  }

  /** A new record; a stored id is a DuplicateKeyError. */
  add(item: T): void {
    const frozen = deepFreeze(item);
    this.byId.insert(frozen);
    this.link(frozen);
  }

  /** Replaces each record of `customerId` with `update(record)` (same id; it may move to another customer). */
  updateCustomer(customerId: string, update: (record: T) => T): number {
    const linked = this.byCustomer.get(customerId);
    if (!linked) return 0;
    const updated = linked.map((record) => this.checked(record, update(record)));
    this.byCustomer.delete(customerId);
    for (const next of updated) {
      this.byId.upsert(next);
      this.link(next);
    }
    return updated.length;
  }

  /** Replaces every record `matches` selects with `update(record)` (same id), whoever it belongs to. */
  updateMatching(matches: (record: T) => boolean, update: (record: T) => T): number {
    const updated = this.all().filter(matches).map((record) => this.checked(record, update(record)));
    if (updated.length === 0) return 0;
    for (const next of updated) this.byId.upsert(next);
    // The owner may have changed: the customer index is rebuilt from the records.
    this.byCustomer.clear();
    for (const record of this.all()) this.link(record);
    return updated.length;
  }

  private checked(record: T, next: T): T {
    if (this.options.idOf(next) !== this.options.idOf(record)) throw new InvalidRecordError(this.options.what, 'an update changed the id');
    return deepFreeze(next);
  }

  private link(record: T): void {
    const customerId = this.options.customerOf(record);
    if (customerId === null) return;
    const list = this.byCustomer.get(customerId);
    if (list) list.push(record);
    else this.byCustomer.set(customerId, [record]);
  }
}
