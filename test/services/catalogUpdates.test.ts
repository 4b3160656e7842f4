/**
 * CatalogUpdateService with in-memory stand-ins that journal every effect: the durable write first, the index after
 * it, addedAt kept or set, failures after the write still counted, and one read-then-write per product id at a time.
 */
import type { Product } from '../../domain/model';
import { CatalogUpdateService, type CatalogUpdateDeps } from '../../services/catalogUpdates';

const NOW = new Date('2026-11-22T10:00:00.000Z');
const LISTED = '2025-03-01T09:00:00.000Z';
const product = (id: string, changes: Partial<Product> = {}): Product => ({
  id, name: `Lantern ${id}`, category: 'candles_lighting', price: 4, currency: 'GBP', tags: ['paper'], inStock: true, ...changes,
});

interface Fakes { deps: CatalogUpdateDeps; journal: string[]; stored: Map<string, Product>; errors: string[] }

function fakes(overrides: Partial<CatalogUpdateDeps> = {}): Fakes {
  const journal: string[] = [];
  const errors: string[] = [];
  const stored = new Map([['p1', product('p1', { addedAt: LISTED })]]);
  const deps: CatalogUpdateDeps = {
    catalog: {
      get: async (id) => { journal.push(`catalog.get ${id}`); return stored.get(id); },
      putMany: async (products) => {
        journal.push(`catalog.putMany ${products.map((p) => p.id).join(',')}`);
        for (const p of products) stored.set(p.id, p);
      },
    },
    recommender: {
      upsertProducts: (products) => { journal.push(`index.upsertProducts ${products.map((p) => p.id).join(',')}`); },
    },
    log: { debug: () => {}, info: () => {}, warn: (msg) => errors.push(msg), error: (msg) => errors.push(msg) },
    now: () => NOW,
    ...overrides,
  };
  return { deps, journal, stored, errors };
}

describe('CatalogUpdateService', () => {
  it('writes durably first, then updates the index', async () => {
    const f = fakes();
    expect(await new CatalogUpdateService(f.deps).putMany([product('p1', { inStock: false }), product('p2')])).toEqual({ created: ['p2'], updated: ['p1'] });
    expect(f.journal).toEqual(['catalog.get p1', 'catalog.get p2', 'catalog.putMany p1,p2', 'index.upsertProducts p1,p2']);
  });

  it.each<[string, Product, string]>([
    ['keeps the stored addedAt when the shop leaves it out', product('p1', { price: 3 }), LISTED],
    ['takes the addedAt the shop sends', product('p1', { addedAt: '2026-01-01T00:00:00.000Z' }), '2026-01-01T00:00:00.000Z'],
    ['dates a new product now when the shop leaves it out', product('p9'), NOW.toISOString()],
  ])('%s', async (_name, sent, addedAt) => {
    const f = fakes();
    await new CatalogUpdateService(f.deps).put(sent);
    expect(f.stored.get(sent.id)).toEqual({ ...sent, addedAt });
  });

  it('put answers whether the product was new', async () => {
    const service = new CatalogUpdateService(fakes().deps);
    expect(await service.put(product('p9'))).toEqual({ id: 'p9', created: true });
    expect(await service.put(product('p9', { price: 1 }))).toEqual({ id: 'p9', created: false });
  });

  it('still counts the update when the index fails after the durable write, and logs it', async () => {
    const f = fakes();
    f.deps.recommender.upsertProducts = () => { throw new Error('index broken'); };
    expect(await new CatalogUpdateService(f.deps).put(product('p9'))).toEqual({ id: 'p9', created: true });
    expect(f.stored.has('p9')).toBe(true);
    expect(f.errors).toEqual(['catalogue update: recommender index not updated']);
  });

  it('leaves the index alone when the write fails', async () => {
    const f = fakes();
    f.deps.catalog.putMany = async () => { throw new Error('disk full'); };
    await expect(new CatalogUpdateService(f.deps).put(product('p9'))).rejects.toThrow('disk full');
    expect(f.journal).toEqual(['catalog.get p9']);
  });

  it('refuses a batch naming a product twice', async () => {
    const f = fakes();
    await expect(new CatalogUpdateService(f.deps).putMany([product('p9'), product('p9')])).rejects.toThrow(/distinct/);
    expect(f.journal).toEqual([]);
  });

  it('takes one product id at a time: two pushes of a new product at once answer created, then updated', async () => {
    const f = fakes();
    const service = new CatalogUpdateService(f.deps);
    const [first, second] = await Promise.all([service.put(product('p9')), service.put(product('p9', { price: 2 }))]);
    expect([first.created, second.created]).toEqual([true, false]);
    expect(f.stored.get('p9')).toMatchObject({ price: 2, addedAt: NOW.toISOString() });
  });
});
