/**
 * Intent accuracy of a recognizer on a labelled JSON-lines set.
 *   npm run nlu:eval -- --set language/corpus/heldout.jsonl [--json out.json] [--backend local|configured]
 * "configured" evaluates what the bot would use: the remote back end from the environment (OPENAI_*, LUIS_*)
 * with local fallback.
 * Prints accuracy, macro F1, a per-intent table, entity agreement and the worst confusions.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { evaluate, type EvaluationReport, type LabelledPrediction } from '../language/evaluation/metrics';
import { parseCorpus } from '../language/local/corpus';
import { createRecognizer } from '../language';
import { loadConfig, recognizerSettings } from '../bot/config';
import { createLocalRecognizer } from '../language/local/recognizer';
import type { Recognizer } from '../language/types';

const WORST_CONFUSIONS_SHOWN = 10;
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

function formatReport(report: EvaluationReport): string {
  const lines = [
    `utterances: ${report.size}   accuracy: ${pct(report.accuracy)}   macro F1: ${report.macroF1.toFixed(3)}`,
    '',
    '| intent | precision | recall | F1 | support |',
    '|---|---|---|---|---|',
    ...Object.entries(report.perIntent).map(
      ([intent, m]) => `| ${intent} | ${m.precision.toFixed(3)} | ${m.recall.toFixed(3)} | ${m.f1.toFixed(3)} | ${m.support} |`,
    ),
  ];
  const entityKeys = Object.keys(report.entities);
  if (entityKeys.length > 0) {
    lines.push('', '| entity | correct | total |', '|---|---|---|');
    for (const key of entityKeys.sort()) lines.push(`| ${key} | ${report.entities[key].correct} | ${report.entities[key].total} |`);
  }
  lines.push('', report.confusions.length === 0 ? 'no confusions' : 'worst confusions (expected -> predicted):');
  for (const c of report.confusions.slice(0, WORST_CONFUSIONS_SHOWN)) {
    lines.push(`  ${c.count} x ${c.expected} -> ${c.predicted}: ${c.examples.map((e) => JSON.stringify(e)).join(', ')}`);
  }
  return lines.join('\n');
}

/** Runs the evaluation; returns the process exit code. */
export async function main(argv: string[], print: (text: string) => void = console.log): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { set: { type: 'string' }, json: { type: 'string' }, backend: { type: 'string', default: 'local' } } });
  if (!values.set || !['local', 'configured'].includes(values.backend)) {
    print('usage: npm run nlu:eval -- --set <file.jsonl> [--json <out.json>] [--backend local|configured]');
    return 2;
  }
  const set = parseCorpus(readFileSync(values.set, 'utf8'), values.set);
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
  const trainedAt = performance.now();
  const predictions: LabelledPrediction[] = [];
  for (const line of set) {
    const result = await recognizer.recognize(line.text);
    predictions.push({ text: line.text, expected: line.intent, predicted: result.intent, expectedEntities: line.entities, predictedEntities: result.entities });
  }
  const report = evaluate(predictions);
  print(formatReport(report));
  const cpuMs = (trainingCpu.user + trainingCpu.system) / 1000;
  const perUtterance = (performance.now() - trainedAt) / Math.max(1, set.length);
  print(`\ntraining: ${(trainedAt - startedAt).toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU; recognition: ${perUtterance.toFixed(2)} ms per utterance (wall)`);
  if (answeredBy.size > 0) print(`answered by: ${[...answeredBy].map(([backend, n]) => `${backend} ${n}`).join(', ')}`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
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
