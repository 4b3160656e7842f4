/**
 * Validation-cut sweep for tuning the weight fit (never a test cut): loads the log once and runs the recommender on
 * cuts A - D (recommender/eval/README.md, "Tuning procedure") for each fit variant given as JSON overrides of
 * DEFAULT_BLEND_FIT. Prints NDCG@10 all / new per cut and variant.
 *   npx tsx scripts/validation-sweep.ts --orders <csv.gz> [--cuts A,B,C,D] [--no-repeats] '<name>={"bags":3}' ...
 */
import { loadRetailTransactions } from '../data/import/onlineRetailCsv';
import { DEFAULT_BLEND_FIT, type BlendFitOptions } from '../recommender/ranking/blendFit';
import { DEFAULT_INDEX_OPTIONS } from '../recommender/ranking/recommenderIndex';
import { runEvaluation } from '../recommender/eval/runEval';
import { firstPurchasesOnly, parseCutoff } from '../recommender/eval/split';

export const VALIDATION_CUTS: Record<string, { cutoff: string; until: string }> = {
  A: { cutoff: '2011-06-01', until: '2011-09-01' },
  B: { cutoff: '2011-03-01', until: '2011-06-01' },
  C: { cutoff: '2011-07-01', until: '2011-09-01' },
  D: { cutoff: '2011-08-01', until: '2011-09-01' },
};

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let orders = '';
  let cuts = Object.keys(VALIDATION_CUTS);
  let noRepeats = false;
  const variants: { name: string; blend: Partial<BlendFitOptions> }[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--orders') orders = argv[++i] ?? '';
    else if (argv[i] === '--cuts') cuts = (argv[++i] ?? '').split(',');
    else if (argv[i] === '--no-repeats') noRepeats = true;
    else {
      const at = argv[i].indexOf('=');
      if (at < 1) throw new Error(`expected name={json}, got ${argv[i]}`);
      variants.push({ name: argv[i].slice(0, at), blend: JSON.parse(argv[i].slice(at + 1)) as Partial<BlendFitOptions> });
    }
  }
  if (!orders) throw new Error('--orders is required');
  const unknown = cuts.filter((c) => !VALIDATION_CUTS[c]);
  if (unknown.length > 0) throw new Error(`unknown cut(s) ${unknown.join(', ')}`);
  const loaded = await loadRetailTransactions(orders);
  const rows = noRepeats ? firstPurchasesOnly(loaded.rows) : loaded.rows;
  for (const cut of cuts) {
    const { cutoff, until } = VALIDATION_CUTS[cut];
    const kept = rows.filter((row) => row.time < parseCutoff(until));
    for (const variant of variants) {
      const started = Date.now();
      const blend = { ...DEFAULT_BLEND_FIT, ...variant.blend };
      const report = runEvaluation(kept, parseCutoff(cutoff), { methods: ['recommender'], recommender: { indexOptions: { ...DEFAULT_INDEX_OPTIONS, blend } } });
      const all = report.variants.all.methods.recommender.ndcg10;
      const fresh = report.variants.new.methods.recommender.ndcg10;
      const fitted = report.learnt ? `${report.learnt.customers} window customers` : 'default weights';
      console.log(`${cut}\t${variant.name}\t${all.toFixed(4)} / ${fresh.toFixed(4)}\t${fitted}\t${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
