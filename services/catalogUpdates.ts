/**
 * The shop keeping the catalogue current while the bot runs (stock, prices, new listings): store each product
 * durably, then bring the in-memory recommender index up to date (caches built from it, such as guests' shared
 * results and the product finder, notice its revision change). No HTTP types here: the route maps the outcome to a
 * status.
 *
 * No lock with order intake is needed: the store holds a product in memory from the moment its write starts, so an
 * order sent after this answered always finds it; and an order taken in between only registers the id in the index,
 * which the product's listing then fills in.
 */
import type { CatalogRepository } from '../data/ports';
import type { Product } from '../domain/model';
import { KeyedSerializer } from '../domain/keyedSerializer';
import type { Logger } from '../logging/logger';

/** The live recommender index as catalogue updates see it: always the current one (an erasure rebuilds it). */
export interface CatalogIndexUpdater {
  /** Lists new products and applies every change at once (a changed name, category or tags re-lists the product). */
  upsertProducts(products: readonly Product[]): void;
}

export interface CatalogUpdateDeps {
  catalog: Pick<CatalogRepository, 'get' | 'putMany'>;
  recommender: CatalogIndexUpdater;
  log: Logger;
  now?: () => Date;
}

/** Which of the products were new to the catalogue and which replaced a stored one, in the order given. */
export interface CatalogChange {
  created: string[];
  updated: string[];
}

export class CatalogUpdateService {
  /** Per product id: the created/updated answer and the kept addedAt come from one read-then-write. */
  private readonly serializer = new KeyedSerializer();

  constructor(private readonly deps: CatalogUpdateDeps) {}

  /** Adds or replaces one product; `created` tells which. */
  async put(product: Product): Promise<{ id: string; created: boolean }> {
    const change = await this.putMany([product]);
    return { id: product.id, created: change.created.length === 1 };
  }

  /** Stores the products (ids must be distinct) in one durable write, then updates the derived state. */
  putMany(products: readonly Product[]): Promise<CatalogChange> {
    const ids = products.map((p) => p.id);
    if (new Set(ids).size !== ids.length) return Promise.reject(new RangeError('putMany: product ids must be distinct'));
    return this.serializer.run(ids, () => this.putNow(products));
  }

  private async putNow(products: readonly Product[]): Promise<CatalogChange> {
    const { deps } = this;
    const stored = await Promise.all(products.map((p) => deps.catalog.get(p.id)));
    const now = (deps.now?.() ?? new Date()).toISOString();
    // addedAt drives "New in": a product keeps the date it was first listed unless the shop sends one.
    const next = products.map((p, i) => ({ ...p, addedAt: p.addedAt ?? stored[i]?.addedAt ?? now }));
    await deps.catalog.putMany(next);
    const change: CatalogChange = { created: [], updated: [] };
    next.forEach((p, i) => (stored[i] ? change.updated : change.created).push(p.id));
    deps.log.info('catalogue updated', { created: change.created.length, updated: change.updated.length });
    this.updateDerivedState(next);
    return change;
  }

  /**
   * The index is derived from the store and every start rebuilds it, so once the products are durable a failure
   * here is logged and the update still counts: nothing is lost.
   */
  private updateDerivedState(products: readonly Product[]): void {
    try {
      this.deps.recommender.upsertProducts(products);
    } catch (error) {
      this.deps.log.error('catalogue update: recommender index not updated', { products: products.length, error });
    }
  }
}

