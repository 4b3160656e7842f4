/**
 * Offline evaluation, protocol OR-T (shared/docs/EVALUATION.md):
 *   npm run eval -- --orders <csv|csv.gz> --cutoff YYYY-MM-DD [--json out.json] [--until YYYY-MM-DD] [--methods a,b] [--explain] [--no-repeats] [--item-to-item]
 * `--until` drops rows from that date on: with it, a validation cut inside the training period
 * (e.g. --cutoff 2011-06-01 --until 2011-09-01) is evaluated exactly like the test cut. `--explain` prints the
 * signal weights the recommender learnt from the train period's last weeks, in a retailer's words. `--no-repeats` keeps
 * only each customer's first purchase of each item: a shop where nobody buys the same item twice. `--item-to-item`
 * evaluates "more like this" instead (recommender/eval/itemToItem.ts).
 */
import { writeFileSync } from 'node:fs';
import { loadRetailTransactions } from '../data/import/onlineRetailCsv';
import { runItemToItem } from '../recommender/eval/itemToItem';
import { METHOD_NAMES, runEvaluation } from '../recommender/eval/runEval';
import { firstPurchasesOnly, parseCutoff } from '../recommender/eval/split';
import { formatItemToItem, formatReport } from '../recommender/eval/table';
import { explainBlend } from '../recommender/ranking/blendExplain';

interface Args { orders: string; cutoff: string; json?: string; until?: string; methods?: string[]; explain: boolean; noRepeats: boolean; itemToItem: boolean }

function parseArgs(argv: string[]): Args {
  const values = new Map<string, string>();
  let explain = false;
  let noRepeats = false;
  let itemToItem = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--explain') { explain = true; continue; }
    if (flag === '--no-repeats') { noRepeats = true; continue; }
    if (flag === '--item-to-item') { itemToItem = true; continue; }
    if (!['--orders', '--cutoff', '--json', '--until', '--methods'].includes(flag)) throw new Error(`unknown option ${flag}`);
    const value = argv[++i];
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
    values.set(flag, value);
  }
  const orders = values.get('--orders');
  if (!orders) throw new Error('--orders <csv or csv.gz> is required');
  const methods = values.get('--methods')?.split(',');
  const unknown = methods?.filter((m) => !(METHOD_NAMES as readonly string[]).includes(m)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown method(s) ${unknown.join(', ')}; known: ${METHOD_NAMES.join(', ')}`);
  return { orders, cutoff: values.get('--cutoff') ?? '2011-09-01', json: values.get('--json'), until: values.get('--until'), methods, explain, noRepeats, itemToItem };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const cutoff = parseCutoff(args.cutoff);
  const until = args.until ? parseCutoff(args.until) : Number.POSITIVE_INFINITY;
  if (until <= cutoff) throw new Error('--until must be after --cutoff');
  const started = Date.now();
  const loaded = await loadRetailTransactions(args.orders, (n) => process.stderr.write(`\rread ${n} records`));
  const kept = args.noRepeats ? firstPurchasesOnly(loaded.rows) : loaded.rows;
  const rows = kept.filter((row) => row.time < until);
  process.stderr.write(`\r${loaded.rows.length} clean rows of ${loaded.total}${Number.isFinite(until) ? `, ${rows.length} before ${args.until}` : ''}\n`);
  if (args.itemToItem) {
    const items = runItemToItem(rows, cutoff);
    console.log(formatItemToItem(args.cutoff, items));
    process.stderr.write(`done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return;
  }
  const report = runEvaluation(rows, cutoff, {
    methods: args.methods,
    log: (msg, fields) => process.stderr.write(`${msg} ${JSON.stringify(fields ?? {})}\n`),
  });
  console.log(formatReport(report));
  if (args.explain) console.log(`\n${report.learnt === undefined ? 'The recommender was not run: nothing learnt to explain.' : explainBlend(report.learnt)}`);
  if (args.json) {
    writeFileSync(args.json, `${JSON.stringify({ cutoff: report.cutoff, variants: report.variants }, null, 2)}\n`);
    console.log(`\nwrote ${args.json}`);
  }
  process.stderr.write(`done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
