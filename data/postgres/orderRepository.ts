import type { Pool } from 'pg';
import { OrderSchema, type Order } from '../../domain/model';
import { DuplicateKeyError } from '../lowdb/keyedList';
import { validRecord } from '../records';
import type { OrderRepository } from '../ports';
import { violates } from './pgErrors';
import { inTransaction, jsonb, recordChange, storable } from './pool';

/** Orders with their lines in one jsonb document; listed in the order they were added. */
export class PostgresOrderRepository implements OrderRepository {
  constructor(private readonly pool: Pool) {}

  async forCustomer(customerId: string): Promise<Order[]> {
    const { rows } = await this.pool.query<{ doc: Order }>('SELECT doc FROM orders WHERE customer_id = $1 ORDER BY seq', [storable(customerId)]);
    return rows.map((r) => r.doc);
  }

  async get(orderId: string): Promise<Order | undefined> {
    const { rows } = await this.pool.query<{ doc: Order }>('SELECT doc FROM orders WHERE id = $1', [storable(orderId)]);
    return rows[0]?.doc;
  }

  async list(): Promise<Order[]> {
    const { rows } = await this.pool.query<{ doc: Order }>('SELECT doc FROM orders ORDER BY seq');
    return rows.map((r) => r.doc);
  }

  /** Rejects (and stores nothing) if the order id already exists; the order and its change row commit together. */
  async add(order: Order): Promise<void> {
    const valid = validRecord(OrderSchema, order, 'order');
    try {
      await inTransaction(this.pool, async (client) => {
        await client.query(INSERT_ORDERS, [jsonb([valid])]);
        await recordChange(client, 'order', [valid.id]);
      });
    } catch (e) {
      if (violates(e, 'orders_pkey')) throw new DuplicateKeyError('order', valid.id);
      throw e;
    }
  }

  async reassignCustomer(fromCustomerId: string, toPseudonym: string): Promise<number> {
    if (fromCustomerId === toPseudonym) return 0;
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `UPDATE orders SET customer_id = $2, doc = jsonb_set(doc, '{customerId}', to_jsonb($2::text))
         WHERE customer_id = $1 RETURNING id`, [storable(fromCustomerId), storable(toPseudonym)]);
      // One 'erasure' change, not one per order: other instances re-key their indexes (the order ids are unchanged).
      if (rows.length) await recordChange(client, 'erasure', [jsonb({ customerId: fromCustomerId, pseudonym: toPseudonym })]);
      return rows.length;
    });
  }
}

/** Orders from a jsonb array, keeping the array's order in seq. */
export const INSERT_ORDERS = `
  INSERT INTO orders (id, customer_id, ordered_at, doc)
  SELECT d->>'id', d->>'customerId', (d->>'date')::timestamptz, d
  FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(d, n) ORDER BY n`;
