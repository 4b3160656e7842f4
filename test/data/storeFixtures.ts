/** Small, valid store documents and temp folders for the data tests. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Customer, Order, Product } from '../../domain/model';
import { emptyStoreData, type StoreData } from '../../data/storeSchema';
import { openStore, type OpenedStore } from '../../data/openStore';

export const AT = '2026-01-15T10:00:00.000Z';

export function product(id: string, category = 'candles_lighting'): Product {
  return { id, name: `Product ${id}`, category, price: 2.5, currency: 'GBP', tags: ['white'], inStock: true, addedAt: AT };
}

export function customer(id: string, email = `person.${id}@example.com`): Customer {
  return {
    id, displayName: `Person ${id}`, email, postcode: 'BS1 4DJ', country: 'United Kingdom',
    preferences: { categories: ['bags'], values: [] }, identities: [],
    consent: { marketing: true, personalization: true, updatedAt: AT }, createdAt: AT, demo: true,
  };
}

export function order(id: string, customerId: string, productId = 'P1'): Order {
  return { id, customerId, date: AT, lines: [{ productId, quantity: 2, unitPrice: 2.5 }] };
}

export function smallStore(): StoreData {
  return {
    ...emptyStoreData(),
    products: [product('P1'), product('P2', 'bags')],
    customers: [customer('C1'), customer('C2', 'Second.Person@Example.com')],
    orders: [order('O1', 'C1'), order('O2', 'C1', 'P2'), order('O3', 'C2')],
  };
}

export async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'store-test-'));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Opens a store seeded with `smallStore` in a temp folder, runs `run` with it and its file path, then closes it. */
export async function withSmallStore(run: (store: OpenedStore, path: string) => Promise<void>): Promise<void> {
  await withTempDir(async (dir) => {
    const path = join(dir, 'store.json');
    const store = await openStore({ path, seed: smallStore });
    try {
      await run(store, path);
    } finally {
      await store.close();
    }
  });
}
