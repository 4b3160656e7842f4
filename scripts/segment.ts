/**
 * Segmentation command.
 *   Analyst mode: npm run segment -- --orders <file.csv[.gz]> --as-of YYYY-MM-DD --json <out.json> [--definitions f.json]
 *   Store mode:   npm run segment -- [--store var/store.json] [--as-of YYYY-MM-DD] [--json <out.json>] [--definitions f.json]
 * Analyst mode reads an Online Retail transaction file (cleaned as EVALUATION.md says); store mode recomputes
 * every customer in the store and writes the assignments with their history.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { categorize } from '../data/import/categorize';
import { loadRetailTransactions } from '../data/import/onlineRetailCsv';
import {
  asOfMidnight, columnsFromTransactions, defaultSegmentDefinitions, loadSegmentDefinitions, SegmentationEngine,
  summarise, type SegmentationSummary, type SegmentDefinition,
} from '../recommender/segmentation';
import { parseArgs, progressBar, printSummary } from './segmentCli';
import { runOnStore } from './segmentStore';

async function analyst(path: string, asOf: string, definitions: SegmentDefinition[]): Promise<SegmentationSummary & { cleaning: object }> {
  const started = Date.now();
  const reading = progressBar('reading', 541_909);
  const cleaned = await loadRetailTransactions(path, (records) => reading.update(records));
  reading.done(`${cleaned.total.toLocaleString('en')} records, ${cleaned.rows.length.toLocaleString('en')} clean rows`);
  const { subjects, lines } = columnsFromTransactions(cleaned.rows, (description) => categorize(description).category);
  const computing = progressBar('segmenting', 4);
  const engine = new SegmentationEngine(definitions, { onStage: (_stage, done) => computing.update(done) });
  const assignments = engine.computeFromColumns(subjects, lines, new Date(asOfMidnight(asOf)));
  computing.done(`${assignments.length.toLocaleString('en')} customers in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const cleaning = { total: cleaned.total, clean: cleaned.rows.length, skipped: cleaned.skipped };
  return { ...summarise(asOf, assignments, definitions, engine.clusterModel), cleaning };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const definitions = args.definitions ? loadSegmentDefinitions(JSON.parse(readFileSync(args.definitions, 'utf8'))) : defaultSegmentDefinitions();
  let summary: SegmentationSummary;
  if (args.orders) {
    if (!args.asOf) throw new Error('--as-of YYYY-MM-DD is required with --orders');
    summary = await analyst(args.orders, args.asOf, definitions);
  } else {
    summary = await runOnStore(args.store, args.asOf, definitions);
  }
  if (args.json) writeFileSync(args.json, `${JSON.stringify(summary, null, 2)}\n`);
  printSummary(summary, args.json);
}

main().catch((error: unknown) => {
  process.stderr.write(`segment: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
