/**
 * Versioned, forward-only migrations: numbered SQL files in data/postgres/migrations/ (NNN_name.sql), each
 * applied once, in its own transaction, and recorded in schema_migrations. The whole run holds a session
 * advisory lock, so two instances starting at once apply each migration exactly once (the second waits, then
 * finds nothing to do). A database that already has a version this code does not know is refused: an older
 * build must not run against a newer schema it cannot read.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Pool } from 'pg';

export const MIGRATIONS_FOLDER = join(__dirname, 'migrations');
/** An arbitrary constant shared by every instance of this app: the advisory lock key for migrations. */
const MIGRATION_LOCK_KEY = 7_345_001;
const FILE_NAME = /^(\d{3,})_([a-z0-9_]+)\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

export async function readMigrations(folder = MIGRATIONS_FOLDER): Promise<Migration[]> {
  const files = (await readdir(folder)).filter((f) => f.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = FILE_NAME.exec(file);
    if (!match) throw new MigrationError(`Migration file ${file} is not named NNN_name.sql`);
    const version = Number(match[1]);
    if (migrations.some((m) => m.version === version)) throw new MigrationError(`Two migrations share version ${version}`);
    migrations.push({ version, name: match[2], sql: await readFile(join(folder, file), 'utf8') });
  }
  return migrations.sort((a, b) => a.version - b.version);
}

export interface MigrationResult {
  applied: { version: number; name: string }[];
  /** The newest version in the database after the run. */
  current: number;
}

export async function migrate(pool: Pool, options: { folder?: string; log?: (msg: string, fields?: Record<string, unknown>) => void } = {}): Promise<MigrationResult> {
  const migrations = await readMigrations(options.folder);
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const done = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      const doneVersions = new Set(done.rows.map((r) => r.version));
      const known = new Set(migrations.map((m) => m.version));
      const unknown = [...doneVersions].filter((v) => !known.has(v));
      if (unknown.length) {
        throw new MigrationError(`The database has migration ${unknown.join(', ')} that this build does not know: run a newer build`);
      }
      const applied: MigrationResult['applied'] = [];
      for (const migration of migrations) {
        if (doneVersions.has(migration.version)) continue;
        const started = Date.now();
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK');
          throw new MigrationError(`Migration ${migration.version}_${migration.name} failed: ${(e as Error).message}`);
        }
        applied.push({ version: migration.version, name: migration.name });
        options.log?.('Migration applied', { version: migration.version, name: migration.name, ms: Date.now() - started });
      }
      const current = Math.max(0, ...doneVersions, ...applied.map((a) => a.version));
      return { applied, current };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
