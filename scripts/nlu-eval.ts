/**
 * Intent accuracy of a recognizer on labelled JSON-lines sets.
 *   npm run nlu:eval [-- --set a.jsonl [--set b.jsonl]] [--json out.json] [--backend local|configured]
 * Without --set it evaluates both held-out sets: the project's own (language/corpus/heldout.jsonl) and the
 * real-style one re-labelled from public corpora (language/corpus/realstyle-heldout.jsonl).
 * "configured" evaluates what the bot would use: the remote back end from the environment (OPENAI_*, LUIS_*)
 * with local fallback.
 * Prints per set: accuracy, macro F1, opposite-direction confusions, recognition latency (p50/p95), a
 * per-intent table, entity agreement and the confusion list.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluate, type EvaluationReport, type LabelledPrediction } from '../language/evaluation/metrics';
import { formatReport, percentile } from '../language/evaluation/format';
import { parseCorpus } from '../language/local/corpus';
import { createRecognizer } from '../language';
import { loadConfig, recognizerSettings } from '../bot/config';
import { createLocalRecognizer } from '../language/local/recognizer';
import type { Recognizer } from '../language/types';

const CORPUS_DIR = join(__dirname, '..', 'language', 'corpus');
export const DEFAULT_SETS = [join(CORPUS_DIR, 'heldout.jsonl'), join(CORPUS_DIR, 'realstyle-heldout.jsonl')];

interface SetResult {
  report: EvaluationReport;
  latencyMs: { p50: number; p95: number };
}

async function evaluateSet(recognizer: Recognizer, path: string): Promise<SetResult> {
  const set = parseCorpus(readFileSync(path, 'utf8'), path);
  const predictions: LabelledPrediction[] = [];
  const durations: number[] = [];
  for (const line of set) {
    const startedAt = performance.now();
    const result = await recognizer.recognize(line.text);
    durations.push(performance.now() - startedAt);
    predictions.push({ text: line.text, expected: line.intent, predicted: result.intent, expectedEntities: line.entities, predictedEntities: result.entities });
  }
  return { report: evaluate(predictions), latencyMs: { p50: percentile(durations, 0.5), p95: percentile(durations, 0.95) } };
}

/** Runs the evaluation; returns the process exit code. */
export async function main(argv: string[], print: (text: string) => void = console.log): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { set: { type: 'string', multiple: true }, json: { type: 'string' }, backend: { type: 'string', default: 'local' } },
  });
  if (!['local', 'configured'].includes(values.backend)) {
    print('usage: npm run nlu:eval [-- --set <file.jsonl> ...] [--json <out.json>] [--backend local|configured]');
    return 2;
  }
  const sets = values.set && values.set.length > 0 ? values.set : DEFAULT_SETS;
  // Parse every set before training, so a bad line fails fast.
  for (const path of sets) parseCorpus(readFileSync(path, 'utf8'), path);
  const startedAt = performance.now();
  const cpuBefore = process.cpuUsage();
  const answeredBy = new Map<string, number>();
  const countAnswers = (msg: string, fields?: Record<string, unknown>): void => {
    if (msg !== 'recognizer answered') return print(msg);
    const backend = `${fields?.backend}${fields?.reason ? ` (${fields.reason})` : ''}`;
    answeredBy.set(backend, (answeredBy.get(backend) ?? 0) + 1);
  };
  const recognizer: Recognizer =
    values.backend === 'configured'
      ? createRecognizer(recognizerSettings(loadConfig(process.env)), { keywords: [] }, countAnswers)
      : createLocalRecognizer({ keywords: [] });
  const trainingCpu = process.cpuUsage(cpuBefore);
  const trainingWallMs = performance.now() - startedAt;

  const results: Record<string, SetResult> = {};
  for (const path of sets) {
    results[path] = await evaluateSet(recognizer, path);
    print(formatReport(basename(path), results[path].report, results[path].latencyMs));
    print('');
  }
  const cpuMs = (trainingCpu.user + trainingCpu.system) / 1000;
  print(`training: ${trainingWallMs.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU`);
  if (answeredBy.size > 0) print(`answered by: ${[...answeredBy].map(([backend, n]) => `${backend} ${n}`).join(', ')}`);
  if (values.json) {
    // One set: its report as is; several: reports keyed by file name, each with its latency.
    const json = sets.length === 1
      ? results[sets[0]].report
      : Object.fromEntries(sets.map((path) => [basename(path), { ...results[path].report, latencyMs: results[path].latencyMs }]));
    writeFileSync(values.json, `${JSON.stringify(json, null, 2)}\n`);
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
