import type { Product } from '../../domain/model';
import type { CatalogRepository } from '../ports';
import type { StoreContext } from './storeIndexes';

/** Read-only: the catalogue comes from the seed or the importer. */
export class LowdbCatalogRepository implements CatalogRepository {
  constructor(private readonly store: StoreContext) {}

  async get(id: string): Promise<Product | undefined> {
    return this.store.indexes.products.get(id);
  }

  async list(): Promise<Product[]> {
    return this.store.indexes.products.all();
  }
}
