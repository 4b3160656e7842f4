/**
 * Records that belong to a customer (orders, feedback, suggestion events), indexed by id and by customer so
 * that "everything of customer X" and the erasure helpers touch only that customer's records.
 */
import { KeyedList } from './keyedList';
import { deepFreeze } from '../records';

export class CustomerLinkedList<T extends { id: string; customerId: string | null }> {
  private readonly byId: KeyedList<T>;
  private readonly byCustomer = new Map<string, T[]>();

  constructor(items: T[], what: string) {
    this.byId = new KeyedList(items, (item) => item.id, what);
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

  add(item: T): void {
    this.byId.insert(item);
    this.link(item);
  }

  /** Moves every record of `from` to `to` (a pseudonym, or null to detach); returns how many moved. */
  relink(from: string, to: T['customerId']): number {
    const linked = this.byCustomer.get(from);
    if (!linked || from === to) return 0;
    this.byCustomer.delete(from);
    for (const item of linked) {
      const moved: T = deepFreeze({ ...item, customerId: to });
      this.byId.upsert(moved);
      this.link(moved);
    }
    return linked.length;
  }

  private link(item: T): void {
    if (item.customerId === null) return;
    const list = this.byCustomer.get(item.customerId);
    if (list) list.push(item);
    else this.byCustomer.set(item.customerId, [item]);
  }
}
