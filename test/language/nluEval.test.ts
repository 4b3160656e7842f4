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

  test('flags a confusion that does the opposite of what was asked', async () => {
    const set = join(dir, 'direction.jsonl');
    // Deliberately mislabelled: the recognizer (rightly) says opt-out, so the report shows an opt_in -> opt-out confusion.
    writeFileSync(set, `${JSON.stringify({ text: 'unsubscribe me from your marketing emails', intent: 'opt_in' })}\n`);
    const printed: string[] = [];
    expect(await main(['--set', set], (text) => printed.push(text))).toBe(0);
    expect(printed.join('\n')).toMatch(/opposite-direction confusions: 1/);
    expect(printed.join('\n')).toMatch(/!! OPPOSITE DIRECTION 1 x opt_in -> opt_out_marketing: "unsubscribe me from your marketing emails"/);
  });

  test('a clean set keeps its individual errors hidden unless asked, in print and in --json', async () => {
    const set = join(dir, 'realstyle4-heldout.jsonl');
    const out = join(dir, 'clean.json');
    writeFileSync(set, [{ text: 'hello', intent: 'greet' }, { text: 'cancel that', intent: 'help' }].map((l) => JSON.stringify(l)).join('\n'));
    const printed: string[] = [];
    expect(await main(['--set', set, '--json', out], (text) => printed.push(text))).toBe(0);
    expect(printed.join('\n')).toMatch(/confusion list hidden: clean set[^\n]*\(1 errors, 0 opposite-direction\)/);
    expect(printed.join('\n')).not.toMatch(/cancel that/);
    const hidden = JSON.parse(readFileSync(out, 'utf8'));
    expect(hidden).toMatchObject({ accuracy: 0.5, confusions: [] });
    const shown: string[] = [];
    expect(await main(['--set', set, '--show-clean-errors'], (text) => shown.push(text))).toBe(0);
    expect(shown.join('\n')).toMatch(/1 x help -> cancel: "cancel that"/);
  });

  test('without --set it evaluates every held-out set, checks the targets, and never shows the clean set\'s errors', async () => {
    const out = join(dir, 'all.json');
    const printed: string[] = [];
    expect(await main(['--json', out], (text) => printed.push(text))).toBe(0);
    const text = printed.join('\n');
    expect(text).toMatch(/## heldout\.jsonl[\s\S]*\| intent \| precision \| recall \|[\s\S]*## realstyle-heldout\.jsonl[\s\S]*## realstyle2-heldout\.jsonl[\s\S]*## realstyle3-heldout\.jsonl[\s\S]*## realstyle4-heldout\.jsonl/);
    expect(text).toMatch(/recognition latency: p50 [\d.]+ ms/);
    expect(text).toMatch(/## issue 15 targets\nrealstyle4-heldout\.jsonl \(clean\) >= 90\.0%: [\d.]+% (met|NOT MET)/);
    expect(text).toMatch(/## realstyle4-heldout\.jsonl[^#]*confusion list hidden/);
    expect(text).not.toMatch(/## realstyle3-heldout\.jsonl[^#]*confusion list hidden/);
    const reports = JSON.parse(readFileSync(out, 'utf8'));
    expect(Object.keys(reports)).toEqual(['heldout.jsonl', 'realstyle-heldout.jsonl', 'realstyle2-heldout.jsonl', 'realstyle3-heldout.jsonl', 'realstyle4-heldout.jsonl']);
    expect(reports['realstyle4-heldout.jsonl'].confusions).toEqual([]);
    expect(reports['heldout.jsonl'].accuracy).toBeGreaterThanOrEqual(0.97);
    // The clean set's score is not asserted here (each run would be a look at it); only the hard rule is.
    for (const report of Object.values<{ oppositeDirection: number }>(reports)) expect(report.oppositeDirection).toBe(0);
  });

  test('an unknown back end prints usage and exits 2', async () => {
    const printed: string[] = [];
    expect(await main(['--backend', 'magic'], (text) => printed.push(text))).toBe(2);
    expect(printed[0]).toMatch(/usage/);
  });
});
