import type { Pool } from 'pg';
import { CustomerSchema, type Customer } from '../../domain/model';
import { EmailInUseError, normaliseEmail } from '../lowdb/customerIndex';
import { validRecord } from '../records';
import type { CustomerRepository } from '../ports';
import { violates } from './pgErrors';
import { inTransaction, jsonb, recordChange, storable } from './pool';

/** The key the unique email index holds: none for an erased customer or an empty email. */
export function emailKeyOf(customer: Customer): string | null {
  if (customer.erasedAt) return null;
  return storable(normaliseEmail(customer.email)) || null;
}

export class PostgresCustomerRepository implements CustomerRepository {
  constructor(private readonly pool: Pool) {}

  async get(id: string): Promise<Customer | undefined> {
    const { rows } = await this.pool.query<{ doc: Customer }>('SELECT doc FROM customers WHERE id = $1', [storable(id)]);
    return rows[0]?.doc;
  }

  async findByEmail(email: string): Promise<Customer | undefined> {
    const key = normaliseEmail(email);
    if (!key) return undefined;
    const { rows } = await this.pool.query<{ doc: Customer }>('SELECT doc FROM customers WHERE email_key = $1', [storable(key)]);
    return rows[0]?.doc;
  }

  async list(): Promise<Customer[]> {
    const { rows } = await this.pool.query<{ doc: Customer }>('SELECT doc FROM customers ORDER BY id');
    return rows.map((r) => r.doc);
  }

  async put(customer: Customer): Promise<void> {
    const valid = validRecord(CustomerSchema, customer, 'customer');
    try {
      await inTransaction(this.pool, async (client) => {
        await client.query(
          `INSERT INTO customers (id, email_key, doc) VALUES ($1, $2, $3)
           ON CONFLICT (id) DO UPDATE SET email_key = EXCLUDED.email_key, doc = EXCLUDED.doc, updated_at = now()`,
          [storable(valid.id), emailKeyOf(valid), jsonb(valid)]);
        // Other instances' segmentation learns a new customer's country and stated interests from this.
        await recordChange(client, 'customer', [valid.id]);
      });
    } catch (e) {
      if (violates(e, 'customers_email_key')) throw new EmailInUseError(valid.id);
      throw e;
    }
  }
}
