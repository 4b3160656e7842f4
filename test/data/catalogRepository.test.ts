/**
 * The lowdb catalogue's writes (the shop pushing stock, prices and new listings): upserts persisted across a
 * reopen, and invalid products refused without touching the file, a batch all or nothing.
 */
import { readFile } from 'node:fs/promises';
import type { Product } from '../../domain/model';
import { openStore, type OpenedStore } from '../../data/openStore';
import { product, withSmallStore } from './storeFixtures';

const noSeed = () => { throw new Error('the store file should exist'); };


async function reopened<T>(path: string, read: (store: OpenedStore) => Promise<T>): Promise<T> {
  const store = await openStore({ path, seed: noSeed });
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}

describe('lowdb catalogue writes', () => {
  it('put adds a new product and replaces an existing one; both survive a reopen', async () => {
    await withSmallStore(async ({ repositories: { catalog } }, path) => {
      const before = await catalog.get('P1');
      await catalog.put({ ...before!, price: 3.75, inStock: false });
      await catalog.put(product('P9', 'party'));
      expect(await catalog.get('P1')).toMatchObject({ price: 3.75, inStock: false });
      await reopened(path, async ({ repositories }) => {
        expect(await repositories.catalog.get('P1')).toEqual({ ...before, price: 3.75, inStock: false });
        expect(await repositories.catalog.get('P9')).toEqual(product('P9', 'party'));
        expect((await repositories.catalog.list()).map((p) => p.id).sort()).toEqual(['P1', 'P2', 'P9']);
      });
    });
  });

  it('putMany stores a batch of new and changed products', async () => {
    await withSmallStore(async ({ repositories: { catalog } }, path) => {
      await catalog.putMany([{ ...product('P2', 'bags'), price: 0 }, product('P10'), product('P11', 'christmas')]);
      await reopened(path, async ({ repositories }) => {
        expect((await repositories.catalog.get('P2'))?.price).toBe(0);
        expect((await repositories.catalog.list()).map((p) => p.id).sort()).toEqual(['P1', 'P10', 'P11', 'P2']);
      });
    });
  });

  it('hands out frozen records: a caller cannot change the stored product in place', async () => {
    await withSmallStore(async ({ repositories: { catalog } }) => {
      const mine = product('P9');
      await catalog.put(mine);
      mine.price = 100;
      const stored = await catalog.get('P9');
      expect(stored?.price).toBe(2.5);
      expect(() => { (stored as Product).price = 1; }).toThrow(TypeError);
    });
  });

  it.each<[string, (store: OpenedStore) => Promise<void>, RegExp]>([
    ['a negative price', (s) => s.repositories.catalog.put({ ...product('P9'), price: -1 }), /Invalid product: price/],
    ['a currency that is not a 3-letter code', (s) => s.repositories.catalog.put({ ...product('P1'), currency: 'POUNDS' }), /Invalid product: currency/],
    ['a missing name', (s) => s.repositories.catalog.put({ ...product('P9'), name: undefined } as never), /Invalid product: name/],
    ['a batch with one bad product', (s) => s.repositories.catalog.putMany([product('P9'), { ...product('P1'), inStock: 'yes' } as never]), /Invalid product: inStock/],
  ])('refuses %s and leaves the file and the catalogue as they were', async (_name, write, message) => {
    await withSmallStore(async (store, path) => {
      await store.flush();
      const fileBefore = await readFile(path, 'utf8');
      const catalogBefore = await store.repositories.catalog.list();
      await expect(write(store)).rejects.toThrow(message);
      await store.flush();
      expect(await readFile(path, 'utf8')).toBe(fileBefore);
      expect(await store.repositories.catalog.list()).toEqual(catalogBefore);
    });
  });
});
