/**
 * Applies the pending PostgreSQL migrations (data/postgres/migrations/) to DATABASE_URL and exits.
 *   DATABASE_URL=postgres://user:pass@host:5432/shop npm run db:migrate
 * Safe to run while instances start: migrations take an advisory lock and each one runs once.
 */
import { migrate } from '../data/postgres/migrator';
import { createPool } from '../data/postgres/pool';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    process.stderr.write('DATABASE_URL must be set to a postgres:// URL, e.g. postgres://shop:secret@localhost:5432/shop\n');
    process.exitCode = 2;
    return;
  }
  const pool = createPool(url, { max: 1, statementTimeoutMs: 0 });
  try {
    const result = await migrate(pool, { log: (msg, fields) => process.stdout.write(`${msg} ${JSON.stringify(fields)}\n`) });
    process.stdout.write(result.applied.length
      ? `Applied ${result.applied.length} migration(s); the database is at version ${result.current}\n`
      : `Nothing to apply; the database is at version ${result.current}\n`);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    await pool.end();
  }
}

void main();
