import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../scripts/nlu-eval';

describe('npm run nlu:eval', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nlu-eval-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('prints and writes accuracy, macro F1, per-intent metrics and confusions', async () => {
    const set = join(dir, 'small.jsonl');
    const out = join(dir, 'report.json');
    writeFileSync(set, [
      { text: 'hello', intent: 'greet' },
      { text: 'good bye', intent: 'goodbye' },
      { text: 'show me candles under ten pounds', intent: 'get_suggestions', entities: { categories: ['candles_lighting'], budget: { max: 10, currency: 'GBP' } } },
      // Deliberately mislabelled, so there is a confusion to report.
      { text: 'cancel that', intent: 'help' },
    ].map((line) => JSON.stringify(line)).join('\n'));
    const printed: string[] = [];
    expect(await main(['--set', set, '--json', out], (text) => printed.push(text))).toBe(0);

    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.accuracy).toBeCloseTo(0.75);
    expect(report.perIntent.greet).toEqual({ precision: 1, recall: 1, f1: 1, support: 1 });
    expect(report.perIntent.help).toMatchObject({ recall: 0, support: 1 });
    expect(report.perIntent.cancel).toMatchObject({ precision: 0, support: 0 });
    expect(report.macroF1).toBeCloseTo(0.75);
    expect(report.confusions).toEqual([{ expected: 'help', predicted: 'cancel', count: 1, examples: ['cancel that'] }]);
    expect(report.entities).toEqual({ categories: { correct: 1, total: 1 }, budget: { correct: 1, total: 1 } });
    expect(report.oppositeDirection).toBe(0);
    expect(printed.join('\n')).toMatch(/accuracy: 75\.0%/);
    expect(printed.join('\n')).toMatch(/\| greet \| 1\.000 \| 1\.000 \| 1\.000 \| 1 \|/);
  });

  test('a bad line is reported with its line number', async () => {
    const set = join(dir, 'bad.jsonl');
    writeFileSync(set, `${JSON.stringify({ text: 'hi', intent: 'greet' })}\n${JSON.stringify({ text: 'x', intent: 'shout' })}\n`);
    await expect(main(['--set', set], () => undefined)).rejects.toThrow(/bad\.jsonl:2: intent/);
  });

  test('without --set it evaluates both held-out sets: own and real-style, with no opposite-direction confusion', async () => {
    const out = join(dir, 'both.json');
    const printed: string[] = [];
    expect(await main(['--json', out], (text) => printed.push(text))).toBe(0);
    const text = printed.join('\n');
    expect(text).toMatch(/## heldout\.jsonl[\s\S]*\| intent \| precision \| recall \|[\s\S]*## realstyle-heldout\.jsonl/);
    expect(text).toMatch(/recognition latency: p50 [\d.]+ ms/);
    const reports = JSON.parse(readFileSync(out, 'utf8'));
    expect(Object.keys(reports)).toEqual(['heldout.jsonl', 'realstyle-heldout.jsonl']);
    expect(reports['heldout.jsonl'].accuracy).toBeGreaterThanOrEqual(0.97);
    expect(reports['realstyle-heldout.jsonl'].accuracy).toBeGreaterThanOrEqual(0.9);
    for (const report of Object.values<{ oppositeDirection: number }>(reports)) expect(report.oppositeDirection).toBe(0);
  });

  test('an unknown back end prints usage and exits 2', async () => {
    const printed: string[] = [];
    expect(await main(['--backend', 'magic'], (text) => printed.push(text))).toBe(2);
    expect(printed[0]).toMatch(/usage/);
  });
});
