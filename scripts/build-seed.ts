/**
 * Builds the committed demo seed, data/seed/store-seed.json.gz, from the real Online Retail file:
 *   npm run seed            (reads ../shared/data/online-retail/online_retail.csv.gz)
 *   npm run seed -- --orders <csv|csv.gz>
 * All products, ~300 customers sampled deterministically across countries, activity levels and
 * business/consumer (plus the demo customers of data/seed/demoCustomers.ts) with their full histories,
 * dates shifted so the last invoice falls on SEED_LAST_DAY. The output is the same on every run.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildStore } from '../data/import/buildStore';
import { writeStoreDataFile } from '../data/import/writeStoreDataFile';
import { DEMO_CUSTOMERS } from '../data/seed/demoCustomers';
import { DEFAULT_SEED_PATH, readSeedFile } from '../data/seedFile';
import type { StoreData } from '../data/storeSchema';
import { printCleaningSummary, readCleanRows } from './import';

const SOURCE = resolve(__dirname, '..', '..', 'shared', 'data', 'online-retail', 'online_retail.csv.gz');
export const SEED_CUSTOMERS = 300;
export const SEED_LAST_DAY = '2026-11-20';
/** Keeps the seed small: the few customers with hundreds of order lines would dominate its size. */
const SEED_MAX_LINES_PER_CUSTOMER = 600;

function applyDemoIdentities(store: StoreData): void {
  store.customers = store.customers.map((customer) => {
    const demo = DEMO_CUSTOMERS.find((d) => d.id === customer.id);
    return demo ? { ...customer, displayName: demo.displayName, email: demo.email, postcode: demo.postcode } : customer;
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { orders: { type: 'string' } } });
  const source = values.orders ?? SOURCE;
  if (!existsSync(source)) {
    console.error(`Cannot build the seed: the Online Retail file ${source} is absent.\n`
      + 'Put online_retail.csv.gz (UCI Online Retail) there, or pass --orders <path>. The committed seed is unchanged.');
    process.exit(1);
  }
  console.log(`Building the demo seed from ${source}`);
  const cleaned = await readCleanRows(source);
  printCleaningSummary(cleaned);
  const built = buildStore(cleaned.rows, {
    customers: SEED_CUSTOMERS, requiredCustomers: DEMO_CUSTOMERS.map((d) => d.id),
    maxLinesPerCustomer: SEED_MAX_LINES_PER_CUSTOMER, shiftTo: SEED_LAST_DAY,
  });
  applyDemoIdentities(built.store);
  const missing = DEMO_CUSTOMERS.filter((d) => !built.store.customers.some((c) => c.id === d.id));
  if (missing.length) throw new Error(`Demo customers not in the data: ${missing.map((d) => d.id).join(', ')}`);
  const countries = new Set(built.store.customers.map((c) => c.country));
  const lines = built.store.orders.reduce((n, o) => n + o.lines.length, 0);
  console.log(`Products: ${built.store.products.length} (${(built.otherShare * 100).toFixed(1)}% "other").`);
  console.log(`Customers: ${built.store.customers.length} from ${countries.size} countries, ${built.businessCustomers} business.`);
  console.log(`Orders: ${built.store.orders.length} with ${lines} lines; last invoice on ${SEED_LAST_DAY} (shifted ${built.shiftDays} days).`);
  const bytes = await writeStoreDataFile(DEFAULT_SEED_PATH, built.store);
  const started = Date.now();
  await readSeedFile(DEFAULT_SEED_PATH);
  console.log(`Wrote ${DEFAULT_SEED_PATH}: ${(bytes / 1024).toFixed(0)} KiB; reading and validating it takes ${Date.now() - started} ms.`);
}

main().catch((e: unknown) => {
  console.error(`Building the seed failed: ${(e as Error).message}`);
  process.exit(1);
});
