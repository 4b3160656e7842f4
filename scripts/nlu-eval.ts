/**
 * Intent accuracy of a recognizer on labelled JSON-lines sets.
 *   npm run nlu:eval [-- --set a.jsonl [--set b.jsonl]] [--json out.json] [--backend local|configured]
 *   npm run nlu:eval -- --cv 5      (k-fold cross-validation on the training corpus: accuracy, ECE, fitted temperature)
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
import { expectedCalibrationError } from '../language/evaluation/calibration';
import { outOfFoldPredictions } from '../language/evaluation/crossValidation';
import { fitTemperature } from '../language/evaluation/fitTemperature';
import { loadCorpus, parseCorpus } from '../language/local/corpus';
import { IntentModel } from '../language/local/intentModel';
import { createRecognizer } from '../language';
import { loadConfig, recognizerSettings } from '../bot/config';
import { createLocalRecognizer } from '../language/local/recognizer';
import type { Recognizer } from '../language/types';

const CORPUS_DIR = join(__dirname, '..', 'language', 'corpus');
export const DEFAULT_SETS = [join(CORPUS_DIR, 'heldout.jsonl'), join(CORPUS_DIR, 'realstyle-heldout.jsonl')];

interface SetResult {
  report: EvaluationReport;
  latencyMs: { p50: number; p95: number };
  /** Expected calibration error of the answers that name an intent (a "none" score means something else). */
  ece: number;
}

const USAGE = 'usage: npm run nlu:eval [-- --set <file.jsonl> ...] [--json <out.json>] [--backend local|configured] | -- --cv <k>';

/** k-fold cross-validation of the intent model on the training corpus (train + augmentation). */
function crossValidate(k: number, print: (text: string) => void): void {
  const corpus = loadCorpus();
  const predictions = outOfFoldPredictions(corpus, k, (lines) => {
    const model = IntentModel.train(lines);
    return (text) => new Map(model.classify(text).ranked.map((r) => [r.intent, r.score]));
  });
  const fit = fitTemperature(predictions);
  print(`${k}-fold cross-validation on ${corpus.length} training utterances: accuracy ${(100 * fit.accuracy).toFixed(1)}%, `
    + `ECE ${fit.eceBefore.toFixed(3)}; best temperature ${fit.temperature} (ECE ${fit.eceAfter.toFixed(3)})`);
}

async function evaluateSet(recognizer: Recognizer, path: string): Promise<SetResult> {
  const set = parseCorpus(readFileSync(path, 'utf8'), path);
  const predictions: LabelledPrediction[] = [];
  const durations: number[] = [];
  const scored: { confidence: number; correct: boolean }[] = [];
  for (const line of set) {
    const startedAt = performance.now();
    const result = await recognizer.recognize(line.text);
    durations.push(performance.now() - startedAt);
    predictions.push({ text: line.text, expected: line.intent, predicted: result.intent, expectedEntities: line.entities, predictedEntities: result.entities });
    if (result.intent !== 'none') scored.push({ confidence: result.score, correct: result.intent === line.intent });
  }
  return {
    report: evaluate(predictions),
    latencyMs: { p50: percentile(durations, 0.5), p95: percentile(durations, 0.95) },
    ece: expectedCalibrationError(scored),
  };
}

/** Runs the evaluation; returns the process exit code. */
export async function main(argv: string[], print: (text: string) => void = console.log): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      set: { type: 'string', multiple: true }, json: { type: 'string' }, backend: { type: 'string', default: 'local' }, cv: { type: 'string' },
    },
  });
  const folds = values.cv === undefined ? undefined : Number(values.cv);
  if (!['local', 'configured'].includes(values.backend) || (folds !== undefined && !(Number.isInteger(folds) && folds >= 2))) {
    print(USAGE);
    return 2;
  }
  if (folds !== undefined) {
    crossValidate(folds, print);
    return 0;
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
    print(`calibration (answers naming an intent): ECE ${results[path].ece.toFixed(3)}`);
    print('');
  }
  const cpuMs = (trainingCpu.user + trainingCpu.system) / 1000;
  print(`training: ${trainingWallMs.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU`);
  if (answeredBy.size > 0) print(`answered by: ${[...answeredBy].map(([backend, n]) => `${backend} ${n}`).join(', ')}`);
  if (values.json) {
    // One set: its report as is; several: reports keyed by file name, each with its latency.
    const json = sets.length === 1
      ? results[sets[0]].report
      : Object.fromEntries(sets.map((path) => [basename(path), { ...results[path].report, latencyMs: results[path].latencyMs, ece: results[path].ece }]));
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
