/**
 * The catalogue kept current by the shop: a product whose name, category or tags change is re-listed, so an updated
 * catalogue reads like one built from the new products; revisions tell caches that something changed.
 */
import type { Product } from '../../../domain/model';
import { ItemCatalog } from '../../../recommender/ranking/catalog';
import { RecommenderIndex } from '../../../recommender/ranking/recommenderIndex';
import { order, orders, PRODUCTS, product } from './fixtures';

/** What the catalogue answers for lookups, as sets of product ids (list order is an internal detail). */
function lookups(catalog: ItemCatalog, words: readonly string[], categories: readonly string[]): Record<string, string[]> {
  const ids = (items: readonly number[]): string[] => items.map((item) => catalog.idOf(item)).sort();
  return Object.fromEntries([
    ...words.map((word) => [`word:${word}`, ids(catalog.itemsWithToken(word))]),
    ...categories.map((category) => [`category:${category}`, ids(catalog.itemsInCategory(category))]),
  ]);
}

const WORDS = ['lantern', 'glass', 'paper', 'rice', 'premium', 'christmas', 'kitchen', 'dining', 'candles'];
const CATEGORIES = ['candles_lighting', 'christmas', 'kitchen_dining'];

describe('ItemCatalog.upsert', () => {
  it.each<[string, Partial<Product>]>([
    ['a new name', { name: 'Rice Paper Lantern' }],
    ['a new category', { category: 'christmas' }],
    ['new tags', { tags: ['premium', 'paper'] }],
    ['a new price and stock only', { price: 9, inStock: false }],
  ])('after %s reads exactly like a catalogue built with the new product', (_name, changes) => {
    const updated = new ItemCatalog();
    for (const p of PRODUCTS) updated.upsert(p);
    const changed = { ...PRODUCTS[1], ...changes };
    updated.upsert(changed);
    const fresh = new ItemCatalog();
    for (const p of PRODUCTS) fresh.upsert(p.id === changed.id ? changed : p);
    expect(lookups(updated, WORDS, CATEGORIES)).toEqual(lookups(fresh, WORDS, CATEGORIES));
    const item = updated.indexOf(changed.id) ?? -1;
    expect(updated.nameTokens(item)).toEqual(fresh.nameTokens(fresh.indexOf(changed.id) ?? -1));
    expect(updated.product(item)).toEqual(changed);
  });

  it('drops a word nobody holds any more', () => {
    const catalog = new ItemCatalog();
    catalog.upsert(product('p1', 'candles_lighting', 2, { name: 'Kokedama Lantern' }));
    catalog.upsert(product('p1', 'candles_lighting', 2, { name: 'Moss Lantern' }));
    expect(catalog.itemsWithToken('kokedama')).toEqual([]);
    expect(catalog.itemsWithToken('moss').map((item) => catalog.idOf(item))).toEqual(['p1']);
  });

  it('counts every upsert in its revision', () => {
    const catalog = new ItemCatalog();
    const before = catalog.revision;
    catalog.upsert(PRODUCTS[0]);
    catalog.upsert({ ...PRODUCTS[0], price: 1 });
    expect(catalog.revision).toBe(before + 2);
  });
});

describe('RecommenderIndex.revision', () => {
  it('changes with a new order, a product and customer groups, and not with a repeated order', () => {
    const index = RecommenderIndex.build({ products: PRODUCTS, orders: orders() });
    const seen = [index.revision];
    const fresh = order('zoe', '2011-12-01', ['k3']);
    index.addOrder(fresh);
    seen.push(index.revision);
    index.addOrder(fresh);
    seen.push(index.revision);
    index.upsertProduct({ ...PRODUCTS[0], inStock: false });
    seen.push(index.revision);
    index.setCustomerGroups(new Map([['zoe', { country: 'France' }]]));
    seen.push(index.revision);
    expect(seen[1]).toBeGreaterThan(seen[0]);
    expect(seen[2]).toBe(seen[1]);
    expect(seen[3]).toBeGreaterThan(seen[2]);
    expect(seen[4]).toBeGreaterThan(seen[3]);
  });
});
