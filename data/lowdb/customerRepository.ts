import { CustomerSchema, type Customer } from '../../domain/model';
import type { CustomerRepository } from '../ports';
import { validRecord } from '../records';
import type { StoreContext } from './storeIndexes';

export class LowdbCustomerRepository implements CustomerRepository {
  constructor(private readonly store: StoreContext) {}

  async get(id: string): Promise<Customer | undefined> {
    return this.store.indexes.customers.get(id);
  }

  async findByEmail(email: string): Promise<Customer | undefined> {
    return this.store.indexes.customers.findByEmail(email);
  }

  async list(): Promise<Customer[]> {
    return this.store.indexes.customers.all();
  }

  put(customer: Customer): Promise<void> {
    return this.store.doc.change(() => {
      this.store.indexes.customers.put(validRecord(CustomerSchema, customer, 'customer'));
    });
  }
}
