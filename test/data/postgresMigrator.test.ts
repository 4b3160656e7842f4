import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { migrate, readMigrations } from '../../data/postgres/migrator';
import { postgresSuite } from '../support/postgres';

const pg = postgresSuite('postgresMigrator.test');

async function withPools<T>(count: number, run: (pools: Pool[]) => Promise<T>): Promise<T> {
  const url = await pg.cluster().freshDatabase();
  const pools = Array.from({ length: count }, () => new Pool({ connectionString: url, max: 2 }));
  try {
    return await run(pools);
  } finally {
    await Promise.all(pools.map((p) => p.end()));
  }
}

async function tables(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");
  return rows.map((r) => r.table_name);
}

async function withMigrationFolder<T>(files: Record<string, string>, run: (folder: string) => Promise<T>): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'migrations-'));
  try {
    for (const [name, sql] of Object.entries(files)) await writeFile(join(folder, name), sql);
    return await run(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

pg.describe('PostgreSQL migrations', () => {
  it('creates a table for every port, the change feed and dialog state, and records each version once', async () => {
    await withPools(1, async ([pool]) => {
      const first = await migrate(pool);
      const known = await readMigrations();
      expect(first.applied.map((a) => a.version)).toEqual(known.map((m) => m.version));
      expect(await tables(pool)).toEqual(expect.arrayContaining([
        'audit', 'bot_state', 'changes', 'customers', 'feedback', 'identification_locks', 'orders', 'products',
        'schema_migrations', 'segments', 'suggestion_events',
      ]));
      const again = await migrate(pool);
      expect(again).toEqual({ applied: [], current: first.current });
    });
  });

  it('two instances starting at once apply each migration exactly once', async () => {
    await withPools(3, async (pools) => {
      const results = await Promise.all(pools.map((p) => migrate(p)));
      const appliedCounts = results.map((r) => r.applied.length);
      expect(appliedCounts.filter((n) => n > 0)).toHaveLength(1);
      const { rows } = await pools[0].query('SELECT version FROM schema_migrations');
      expect(rows).toHaveLength((await readMigrations()).length);
    });
  });

  it('a failing migration leaves nothing of itself behind, and the ones before it stay applied', async () => {
    await withMigrationFolder({
      '001_one.sql': 'CREATE TABLE one (id int);',
      '002_broken.sql': 'CREATE TABLE two (id int); SELECT * FROM no_such_table;',
    }, async (folder) => {
      await withPools(1, async ([pool]) => {
        await expect(migrate(pool, { folder })).rejects.toThrow(/Migration 2_broken failed: .*no_such_table/);
        expect(await tables(pool)).toEqual(['one', 'schema_migrations']);
      });
    });
  });

  it('refuses a database migrated by a newer build, and badly named files', async () => {
    await withPools(1, async ([pool]) => {
      await withMigrationFolder({ '001_one.sql': 'SELECT 1;', '002_two.sql': 'SELECT 1;' }, (folder) => migrate(pool, { folder }));
      await withMigrationFolder({ '001_one.sql': 'SELECT 1;' }, async (folder) => {
        await expect(migrate(pool, { folder })).rejects.toThrow(/has migration 2 that this build does not know/);
      });
    });
    await withMigrationFolder({ 'one.sql': 'SELECT 1;' }, async (folder) => {
      await expect(readMigrations(folder)).rejects.toThrow(/one.sql is not named NNN_name.sql/);
    });
  });
});
