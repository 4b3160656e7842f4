import { StorableOrderSchema, type Order } from '../../domain/model';
import type { OrderRepository } from '../ports';
import { validRecord } from '../records';
import type { StoreContext } from './storeIndexes';

export class LowdbOrderRepository implements OrderRepository {
  constructor(private readonly store: StoreContext) {}

  async forCustomer(customerId: string): Promise<Order[]> {
    return this.store.indexes.orders.forCustomer(customerId);
  }

  async get(orderId: string): Promise<Order | undefined> {
    return this.store.indexes.orders.get(orderId);
  }

  async list(): Promise<Order[]> {
    return this.store.indexes.orders.all();
  }

  /** Rejects (and stores nothing) if the order id already exists. */
  add(order: Order): Promise<void> {
    return this.store.doc.change(() => {
      this.store.indexes.orders.add(validRecord(StorableOrderSchema, order, 'order'));
    });
  }

  reassignCustomer(fromCustomerId: string, toPseudonym: string): Promise<number> {
    // A fresh frozen copy of each order (same id) under the pseudonym.
    return this.store.doc.change(() => (fromCustomerId === toPseudonym ? 0
      : this.store.indexes.orders.updateCustomer(fromCustomerId, (order) => ({ ...order, customerId: toPseudonym }))));
  }
}
