import { join } from 'node:path';
import { CATEGORY_IDS } from '../../domain/categories';
import { CATEGORY_RULES, categorize } from '../../data/import/categorize';
import { buildStore } from '../../data/import/buildStore';
import { cleanRecord, loadRetailTransactions, type RetailRow } from '../../data/import/onlineRetailCsv';
import { productTags, titleCase } from '../../data/import/productText';
import { parseStoreData } from '../../data/seedFile';

const FIXTURE = join(__dirname, 'fixtures', 'retail-sample.csv');
let rows: RetailRow[];

beforeAll(async () => {
  rows = (await loadRetailTransactions(FIXTURE)).rows;
});

describe('categorize', () => {
  it.each([
    ['WHITE HANGING HEART T-LIGHT HOLDER', 'candles_lighting', 't-light'],
    ['PAPER CHAIN KIT 50\'S CHRISTMAS ', 'christmas', 'christmas'],
    ['PACK OF 72 RETROSPOT CAKE CASES', 'party', 'cake case'],
    ['JUMBO BAG RED RETROSPOT', 'bags', 'bag'],
    ['REGENCY CAKESTAND 3 TIER', 'kitchen_dining', 'cakestand'],
    ['SPACEBOY LUNCH BOX ', 'kitchen_dining', 'lunch'],
    ['DOORMAT KEEP CALM AND COME IN', 'garden_outdoor', 'doormat'],
    ['SET OF 4 KNICK KNACK TINS POPPIES', 'storage', 'tin'],
    ['DIAMANTE HAIR GRIP PACK/2 LT ROSE', 'jewellery_accessories', 'hair'],
    ['ROUND PINK HEART MIRROR', 'home_decor', 'mirror'],
    ['POLYESTER FILLER PAD 45x45cm', 'other', undefined],
  ])('%s -> %s', (description, category, keyword) => {
    expect(categorize(description)).toEqual(keyword ? { category, keyword } : { category });
  });

  it('only uses category ids from domain/categories.ts', () => {
    for (const rule of CATEGORY_RULES) expect(CATEGORY_IDS).toContain(rule.category);
  });
});

describe('product text', () => {
  it.each([
    ['WHITE HANGING HEART T-LIGHT HOLDER', 'White Hanging Heart T-Light Holder'],
    ['SET OF 3 CAKE TINS PANTRY DESIGN ', 'Set of 3 Cake Tins Pantry Design'],
    ["POPPY'S PLAYHOUSE BEDROOM", "Poppy's Playhouse Bedroom"],
  ])('title-cases %s', (description, name) => expect(titleCase(description)).toBe(name));

  it('tags colours, stated values and meaningful words', () => {
    expect(productTags('RECYCLED ACAPULCO MAT RED')).toEqual(['red', 'eco-friendly', 'recycled', 'acapulco', 'mat']);
    expect(productTags('JUMBO BAG RED RETROSPOT')).toEqual(['red', 'vintage', 'bag', 'retrospot']);
  });
});

describe('cleanRecord bounds', () => {
  const record = (quantity: string, price: string) => ['536365', '85123A', 'HEART HOLDER', quantity, '2010-12-01 08:26:00', price, '17850', 'United Kingdom'];

  it.each([
    ['a quantity of 1e308', record('1e308', '2.55'), 'quantity_too_large'],
    ['a unit price of 1.7e308', record('2', '1.7e308'), 'price_too_large'],
    ['a quantity above the default maximum', record('100001', '2.55'), 'quantity_too_large'],
    ['Infinity', record('Infinity', '2.55'), 'malformed'],
  ])('skips %s, naming why', (_name, fields, reason) => {
    expect(cleanRecord(fields)).toBe(reason);
  });

  it('keeps rows at the maxima, and honours other maxima', () => {
    expect(cleanRecord(record('100000', '100000'))).toMatchObject({ quantity: 100000, unitPrice: 100000 });
    expect(cleanRecord(record('12', '2.55'), { maxOrderQuantity: 10, maxUnitPrice: 100 })).toBe('quantity_too_large');
    expect(cleanRecord(record('2', '101'), { maxOrderQuantity: 10, maxUnitPrice: 100 })).toBe('price_too_large');
  });
});

describe('buildStore on the fixture', () => {
  it('reads quoted commas and skips what the cleaning rules say', async () => {
    const result = await loadRetailTransactions(FIXTURE);
    expect(result.total).toBe(18);
    expect(result.skipped).toMatchObject({ no_customer: 1, cancellation: 1, non_positive_quantity: 1, non_positive_price: 1, non_product_code: 3 });
    expect(rows.map((r) => r.description)).toContain('HAND WARMER UNION JACK, RED');
    expect(rows.map((r) => r.description)).toContain('MYSTERY ITEM, "SPECIAL" EDITION');
  });

  it('builds products with the most frequent name, the most common price, category, stock and first sale', () => {
    const { store } = buildStore(rows);
    const heart = store.products.find((p) => p.id === '85123A');
    expect(heart).toMatchObject({
      name: 'White Hanging Heart T-Light Holder', category: 'candles_lighting', subcategory: 't-light', price: 2.55,
      currency: 'GBP', inStock: true, addedAt: '2010-12-01T08:26:00.000Z',
    });
    expect(store.products.map((p) => p.id)).toEqual(['21731', '22633', '22745', '71053', '84879', '85099B', '85123A', '99999']);
    // Last sold 2010-12-01, more than 90 days before the last invoice (2011-03-09).
    expect(store.products.find((p) => p.id === '71053')?.inStock).toBe(false);
    expect(store.products.find((p) => p.id === '99999')?.category).toBe('other');
  });

  it('builds one order per invoice, merging repeated lines', () => {
    const { store } = buildStore(rows);
    expect(store.orders.map((o) => o.id)).toEqual(['536365', '536366', '536367', '536381', '536391', '536392']);
    expect(store.orders[0]).toEqual({
      id: '536365', customerId: '17850', date: '2010-12-01T08:26:00.000Z',
      lines: [{ productId: '85123A', quantity: 8, unitPrice: 2.55 }, { productId: '71053', quantity: 6, unitPrice: 3.39 }],
    });
  });

  it('gives every customer deterministic synthetic demo details', () => {
    const { store } = buildStore(rows);
    expect(store.customers.map((c) => c.id)).toEqual(['12583', '13047', '17850']);
    for (const c of store.customers) {
      expect(c.email).toMatch(new RegExp(`^[a-z]+\\.[a-z]+\\.${c.id}@example\\.com$`));
      expect(c).toMatchObject({ demo: true, consent: { marketing: true, personalization: true }, identities: [] });
      expect(c.preferences.categories.length).toBeGreaterThan(0);
    }
    const uk = store.customers.find((c) => c.id === '17850');
    expect(uk?.postcode).toMatch(/^[A-Z]{1,2}\d{1,2} \d[A-Z]{2}$/);
    expect(store.customers.find((c) => c.id === '12583')).toMatchObject({ country: 'France', isBusiness: true });
    expect(uk?.isBusiness).toBe(false);
    expect(uk?.createdAt).toBe('2010-12-01T08:26:00.000Z');
    expect(buildStore(rows).store).toEqual(store);
    expect(() => parseStoreData(store, 'fixture')).not.toThrow();
  });

  it('shifts every date so the last invoice falls on --shift-to', () => {
    const { store, shiftDays } = buildStore(rows, { shiftTo: '2026-11-20' });
    expect(store.orders.at(-1)?.date).toBe('2026-11-20T12:30:00.000Z');
    expect(store.orders[0].date).toBe('2026-08-14T08:26:00.000Z');
    expect(shiftDays).toBe(5735);
    expect(store.products.find((p) => p.id === '85123A')?.addedAt).toBe('2026-08-14T08:26:00.000Z');
    expect(() => buildStore(rows, { shiftTo: '20-11-2026' })).toThrow(/YYYY-MM-DD/);
  });

  it('keeps a sample of customers with their whole histories, including required ones', () => {
    const { store } = buildStore(rows, { customers: 2, requiredCustomers: ['13047'] });
    expect(store.customers).toHaveLength(2);
    expect(store.customers.map((c) => c.id)).toContain('13047');
    const kept = new Set(store.customers.map((c) => c.id));
    expect(store.orders.every((o) => kept.has(o.customerId))).toBe(true);
    expect(store.orders.filter((o) => o.customerId === '13047').map((o) => o.id)).toEqual(['536367', '536391']);
    expect(store.products).toHaveLength(8);
  });
});
