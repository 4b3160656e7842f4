/**
 * Imports Online Retail transactions into a store file.
 *   npm run import -- --orders <csv|csv.gz> --out <store.json[.gz]> [--customers N] [--shift-to YYYY-MM-DD]
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildStore, type BuildStoreOptions } from '../data/import/buildStore';
import { loadRetailTransactions, SKIP_REASON_TEXT, type CleanResult, type SkipReason } from '../data/import/onlineRetailCsv';
import { writeStoreDataFile } from '../data/import/writeStoreDataFile';
import { numberLimitsFromEnv } from '../bot/config';
import type { NumberLimits } from '../domain/limits';

const USAGE = 'usage: npm run import -- --orders <csv|csv.gz> --out <store.json[.gz]> [--customers N] [--shift-to YYYY-MM-DD]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

export function printCleaningSummary(result: CleanResult): void {
  console.log(`Read ${result.total.toLocaleString('en-GB')} records; kept ${result.rows.length.toLocaleString('en-GB')} clean rows.`);
  for (const [reason, count] of Object.entries(result.skipped) as [SkipReason, number][]) {
    if (count > 0) console.log(`  skipped ${count.toLocaleString('en-GB').padStart(9)}  ${SKIP_REASON_TEXT[reason]}`);
  }
}

export async function readCleanRows(path: string, limits?: NumberLimits): Promise<CleanResult> {
  const started = Date.now();
  const result = await loadRetailTransactions(path, (n) => process.stdout.write(`  read ${n.toLocaleString('en-GB')} records...\r`), limits);
  process.stdout.write(`  read in ${((Date.now() - started) / 1000).toFixed(1)} s${' '.repeat(20)}\n`);
  return result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { orders: { type: 'string' }, out: { type: 'string' }, customers: { type: 'string' }, 'shift-to': { type: 'string' } },
  });
  if (!values.orders) fail('Missing --orders (the transactions CSV, plain or .gz).');
  if (!values.out) fail('Missing --out (the store file to write).');
  if (!existsSync(values.orders)) fail(`The orders file ${values.orders} does not exist.`);
  const options: BuildStoreOptions = { shiftTo: values['shift-to'] };
  if (values.customers !== undefined) {
    const count = Number(values.customers);
    if (!Number.isInteger(count) || count < 1) fail(`--customers expects a whole number above 0, got "${values.customers}".`);
    options.customers = count;
  }

  console.log(`Importing ${values.orders}`);
  // Rows above MAX_ORDER_QUANTITY / MAX_UNIT_PRICE (from the environment, as for the bot) are skipped and counted.
  const cleaned = await readCleanRows(values.orders, numberLimitsFromEnv(process.env));
  printCleaningSummary(cleaned);
  const built = buildStore(cleaned.rows, options);
  const { store } = built;
  console.log(`Products: ${store.products.length}, ${(built.otherShare * 100).toFixed(1)}% in the "other" category.`);
  console.log(`Customers: ${store.customers.length} (${built.businessCustomers} business), all with synthetic demo contact details.`);
  console.log(`Orders: ${store.orders.length}${built.shiftDays ? `, dates shifted by ${built.shiftDays} days` : ''}.`);
  const bytes = await writeStoreDataFile(values.out, store);
  console.log(`Wrote ${values.out} (${(bytes / 1024).toFixed(0)} KiB).`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`Import failed: ${(e as Error).message}`);
    process.exit(1);
  });
}
