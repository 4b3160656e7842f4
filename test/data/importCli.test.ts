import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { openStore } from '../../data/openStore';
import { withTempDir } from './storeFixtures';

const ROOT = join(__dirname, '..', '..');
const FIXTURE = join(__dirname, 'fixtures', 'retail-sample.csv');

function runImport(args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'import.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('npm run import', () => {
  it('writes a store file the bot can start from, and prints what it skipped and why', async () => {
    await withTempDir(async (dir) => {
      const out = join(dir, 'imported.json.gz');
      const run = runImport(['--orders', FIXTURE, '--out', out, '--customers', '2', '--shift-to', '2026-11-20']);
      expect(run.status).toBe(0);
      expect(run.output).toContain('Read 18 records; kept 11 clean rows.');
      expect(run.output).toMatch(/skipped\s+3\s+not a product/);
      expect(run.output).toMatch(/skipped\s+1\s+cancellation/);
      expect(run.output).toContain('Customers: 2');
      expect(run.output).toMatch(/Products: 8, 12\.5% in the "other" category/);

      const store = await openStore({ path: join(dir, 'store.json'), seed: out });
      expect(await store.repositories.customers.list()).toHaveLength(2);
      const dates = (await store.repositories.orders.list()).map((o) => o.date);
      expect(dates.every((d) => d >= '2026-08-14' && d < '2026-11-21')).toBe(true);
      await store.close();
    });
  });

  it.each([
    [['--orders', 'no-such-file.csv', '--out', 'x.json'], /does not exist/],
    [['--orders', FIXTURE, '--out', 'x.json', '--customers', 'many'], /--customers expects a whole number/],
  ])('refuses %j with a clear message', (args, message) => {
    const run = runImport(args);
    expect(run.status).toBe(2);
    expect(run.output).toMatch(message);
    expect(run.output).toContain('usage: npm run import');
  });
});
