/** Customers by id and by normalised email (erased customers are not findable by email). */
import type { Customer } from '../../domain/model';
import { KeyedList } from './keyedList';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class EmailInUseError extends Error {
  constructor(customerId: string) {
    super(`Cannot store customer ${customerId}: the email belongs to another customer`);
    this.name = 'EmailInUseError';
  }
}

export class CustomerIndex {
  private readonly byId: KeyedList<Customer>;
  private readonly byEmail = new Map<string, Customer>();

  constructor(customers: Customer[]) {
    this.byId = new KeyedList(customers, (c) => c.id, 'customer');
    for (const customer of customers) {
      const key = emailKey(customer);
      if (key === undefined) continue;
      const other = this.byEmail.get(key);
      if (other) throw new EmailInUseError(`${customer.id} (also used by ${other.id})`);
      this.byEmail.set(key, customer);
    }
  }

  get(id: string): Customer | undefined {
    return this.byId.get(id);
  }

  findByEmail(email: string): Customer | undefined {
    const key = normaliseEmail(email);
    return key ? this.byEmail.get(key) : undefined;
  }

  all(): Customer[] {
    return this.byId.all();
  }

  put(customer: Customer): void {
    const newKey = emailKey(customer);
    const owner = newKey === undefined ? undefined : this.byEmail.get(newKey);
    if (owner && owner.id !== customer.id) throw new EmailInUseError(customer.id);
    const previous = this.byId.upsert(customer);
    const oldKey = previous && emailKey(previous);
    if (oldKey !== undefined && this.byEmail.get(oldKey)?.id === customer.id) this.byEmail.delete(oldKey);
    if (newKey !== undefined) this.byEmail.set(newKey, customer);
  }
}

function emailKey(customer: Customer): string | undefined {
  if (customer.erasedAt) return undefined;
  const key = normaliseEmail(customer.email);
  return key || undefined;
}
