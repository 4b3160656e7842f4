/**
 * Loads a store document (the importer's output, or the committed seed) into an empty PostgreSQL database, in
 * batches with progress; migrates first. A database that already has products or customers is left alone.
 *   DATABASE_URL=postgres://… npm run db:seed -- --from var/full-store.json.gz
 */
import { parseArgs } from 'node:util';
import { migrate } from '../data/postgres/migrator';
import { createPool } from '../data/postgres/pool';
import { seedIfEmpty } from '../data/postgres/seedDatabase';
import { DEFAULT_SEED_PATH, readSeedFile } from '../data/seedFile';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { from: { type: 'string' } } });
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    process.stderr.write('DATABASE_URL must be set to a postgres:// URL\nusage: DATABASE_URL=postgres://… npm run db:seed -- [--from <store.json[.gz]>]\n');
    process.exitCode = 2;
    return;
  }
  const from = values.from ?? DEFAULT_SEED_PATH;
  const pool = createPool(url, { max: 2, statementTimeoutMs: 0 });
  const started = Date.now();
  const log = (msg: string, fields?: Record<string, unknown>) => process.stdout.write(`${msg} ${JSON.stringify(fields ?? {})}\n`);
  try {
    await migrate(pool, { log });
    const result = await seedIfEmpty(pool, () => readSeedFile(from), log);
    process.stdout.write(result.seeded
      ? `Loaded ${result.rows.toLocaleString('en-GB')} rows from ${from} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`
      : 'The database already holds products or customers: nothing loaded (use an empty database)\n');
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    await pool.end();
  }
}

void main();
