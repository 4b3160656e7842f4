import { ProductSchema, type Product } from '../../domain/model';
import type { CatalogRepository } from '../ports';
import { validRecord } from '../records';
import type { StoreContext } from './storeIndexes';

/**
 * The catalogue comes from the seed or the importer, and the shop keeps it current while the bot runs
 * (stock, prices, new listings) through put / putMany. Products are never removed: orders refer to them.
 */
export class LowdbCatalogRepository implements CatalogRepository {
  constructor(private readonly store: StoreContext) {}

  async get(id: string): Promise<Product | undefined> {
    return this.store.indexes.products.get(id);
  }

  async list(): Promise<Product[]> {
    return this.store.indexes.products.all();
  }

  put(product: Product): Promise<void> {
    return this.putMany([product]);
  }

  putMany(products: readonly Product[]): Promise<void> {
    return this.store.doc.change(() => {
      // Validate every product before storing any, so one bad record leaves the document untouched.
      const valid = products.map((p) => validRecord(ProductSchema, p, 'product'));
      for (const product of valid) this.store.indexes.products.upsert(product);
    });
  }
}
