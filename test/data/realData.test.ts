/** The importer on the real UCI Online Retail file in ../shared (skipped, with a printed reason, where absent). */
import { existsSync } from 'node:fs';
import type { Product } from '../../domain/model';
import { join } from 'node:path';
import { buildCatalog, otherShare } from '../../data/import/buildCatalog';
import { profileCustomers } from '../../data/import/customerProfiles';
import { cleanRecord, readCsvRecords, type CleanResult } from '../../data/import/onlineRetailCsv';

const REAL_FILE = join(__dirname, '..', '..', '..', 'shared', 'data', 'online-retail', 'online_retail.csv.gz');
const present = existsSync(REAL_FILE);
if (!present) console.log(`Skipping the real-data importer tests: ${REAL_FILE} is absent.`);
const describeReal = present ? describe : describe.skip;

describeReal('importer on the real Online Retail file', () => {
  // One pass with the same record reader and cleaning rule loadRetailTransactions composes (it is run on the
  // fixture elsewhere), also noting customers whose lines were dropped only for their price or product code.
  let cleaned: CleanResult;
  let products: Product[];
  const purchasers = new Set<string>();
  beforeAll(async () => {
    cleaned = { rows: [], total: 0, skipped: { malformed: 0, no_customer: 0, cancellation: 0, non_positive_quantity: 0, non_positive_price: 0, non_product_code: 0, quantity_too_large: 0, price_too_large: 0 } };
    for await (const fields of readCsvRecords(REAL_FILE)) {
      cleaned.total++;
      const result = cleanRecord(fields);
      if (typeof result !== 'string') {
        cleaned.rows.push(result);
        purchasers.add(result.customerId);
      } else {
        cleaned.skipped[result]++;
        if (result === 'non_product_code' || result === 'non_positive_price') purchasers.add(fields[6].replace(/\.0+$/, ''));
      }
    }
    products = buildCatalog(cleaned.rows);
  });

  it('keeps 396,337 clean rows and says why it skipped the rest', () => {
    expect(cleaned.total).toBe(541909);
    expect(cleaned.rows).toHaveLength(396337);
    expect(cleaned.skipped).toEqual({
      malformed: 0, no_customer: 135080, cancellation: 8905, non_positive_quantity: 0, non_positive_price: 40, non_product_code: 1547,
      quantity_too_large: 0, price_too_large: 0,
    });
  });

  it('finds 4,339 customers with a real purchase, 4,334 of whom bought a product', () => {
    // 4,339 customers have a line that is neither a cancellation nor a non-positive quantity; 5 of them only
    // ever paid postage/fees or zero-priced lines, so the fully cleaned rows (and the importer) hold 4,334.
    expect(purchasers.size).toBe(4339);
    expect(profileCustomers(cleaned.rows, products).size).toBe(4334);
  });

  it('categorises the catalogue with under 5% left in "other"', () => {
    expect(products).toHaveLength(3659);
    expect(otherShare(products)).toBeLessThan(0.05);
    expect(products.find((p) => p.id === '85123A')).toMatchObject({ name: 'White Hanging Heart T-Light Holder', category: 'candles_lighting' });
  });
});
