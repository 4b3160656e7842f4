import type { Pool } from 'pg';
import { ProductSchema, type Product } from '../../domain/model';
import { validRecord } from '../records';
import type { CatalogRepository } from '../ports';
import { inTransaction, jsonb, recordChange, storable } from './pool';

/** Products by id; every change is recorded in the change feed for the other instances' indexes. */
export class PostgresCatalogRepository implements CatalogRepository {
  constructor(private readonly pool: Pool) {}

  async get(id: string): Promise<Product | undefined> {
    const { rows } = await this.pool.query<{ doc: Product }>('SELECT doc FROM products WHERE id = $1', [storable(id)]);
    return rows[0]?.doc;
  }

  async list(): Promise<Product[]> {
    const { rows } = await this.pool.query<{ doc: Product }>('SELECT doc FROM products ORDER BY id');
    return rows.map((r) => r.doc);
  }

  put(product: Product): Promise<void> {
    return this.putMany([product]);
  }

  /** All or nothing: every product is validated first, then one statement stores them with their change rows. */
  async putMany(products: readonly Product[]): Promise<void> {
    const valid = products.map((p) => validRecord(ProductSchema, p, 'product'));
    if (!valid.length) return;
    await inTransaction(this.pool, async (client) => {
      await client.query(UPSERT_PRODUCTS, [jsonb(valid)]);
      await recordChange(client, 'product', valid.map((p) => p.id));
    });
  }
}

/** A batch repeating an id keeps its last copy, as the lowdb store does. */
export const UPSERT_PRODUCTS = `
  INSERT INTO products (id, category, doc)
  SELECT DISTINCT ON (d->>'id') d->>'id', d->>'category', d
  FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(d, n) ORDER BY d->>'id', n DESC
  ON CONFLICT (id) DO UPDATE SET category = EXCLUDED.category, doc = EXCLUDED.doc, updated_at = now()`;
