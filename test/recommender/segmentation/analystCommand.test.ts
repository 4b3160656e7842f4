import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(__dirname, '../../..');
const REAL_FILE = resolve(ROOT, '../shared/data/online-retail/online_retail.csv.gz');
const present = existsSync(REAL_FILE);
if (!present) process.stdout.write(`skipping the analyst command test: ${REAL_FILE} is absent\n`);

/** Counts from test/recommender/segmentation/rfm_reference.py, an independent stdlib-Python implementation. */
const reference = JSON.parse(readFileSync(join(__dirname, 'rfm-reference-2011-12-11.json'), 'utf8')) as { customers: number; rfm: Record<string, number> };

(present ? describe : describe.skip)('npm run segment on the real Online Retail file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'segment-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the RFM counts of the analysts\' recipe at as-of 2011-12-11, plus rules, clusters and sizes', async () => {
    const out = join(dir, 'out.json');
    const { stdout } = await promisify(execFile)(
      process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/segment.ts', '--orders', REAL_FILE, '--as-of', '2011-12-11', '--json', out],
      { cwd: ROOT, maxBuffer: 1 << 24 },
    );
    const summary = JSON.parse(readFileSync(out, 'utf8'));
    expect(summary.asOf).toBe('2011-12-11');
    expect(summary.customers).toBe(reference.customers);
    expect(summary.rfm).toEqual(reference.rfm);
    expect(summary.cleaning.clean).toBe(396337);
    expect(Object.keys(summary.rules)).toContain('wholesale');
    expect(summary.clusters.length).toBeGreaterThanOrEqual(3);
    expect(summary.clusters.reduce((s: number, c: { size: number }) => s + c.size, 0)).toBe(summary.customersWithPurchases);
    expect(Array.isArray(summary.sizes)).toBe(true);
    expect(stdout).toContain('RFM segments:');
  }, 120_000);
});
