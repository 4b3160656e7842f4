/** Plain-text (Markdown) rendering of an evaluation report, for `npm run nlu:eval`. */
import { isOppositeDirection, type EvaluationReport } from './metrics';

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

export interface LatencySummary {
  p50: number;
  p95: number;
}

/** The given percentile (0..1) of durations in milliseconds, nearest-rank. */
export function percentile(durations: readonly number[], fraction: number): number {
  if (durations.length === 0) return 0;
  const sorted = [...durations].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

export interface FormatOptions {
  /** A clean held-out set: its individual errors are not printed, only how many there are. */
  hideConfusions?: boolean;
}

export function formatReport(title: string, report: EvaluationReport, latency?: LatencySummary, options: FormatOptions = {}): string {
  const lines = [
    `## ${title}`,
    '',
    `utterances: ${report.size}   accuracy: ${pct(report.accuracy)}   macro F1: ${report.macroF1.toFixed(3)}   `
      + `opposite-direction confusions: ${report.oppositeDirection}`,
  ];
  if (latency) lines.push(`recognition latency: p50 ${latency.p50.toFixed(2)} ms, p95 ${latency.p95.toFixed(2)} ms`);
  lines.push(
    '',
    '| intent | precision | recall | F1 | support |',
    '|---|---|---|---|---|',
    ...Object.entries(report.perIntent).map(
      ([intent, m]) => `| ${intent} | ${m.precision.toFixed(3)} | ${m.recall.toFixed(3)} | ${m.f1.toFixed(3)} | ${m.support} |`,
    ),
  );
  const entityKeys = Object.keys(report.entities);
  if (entityKeys.length > 0) {
    lines.push('', '| entity | correct | total |', '|---|---|---|');
    for (const key of entityKeys.sort()) lines.push(`| ${key} | ${report.entities[key].correct} | ${report.entities[key].total} |`);
  }
  if (options.hideConfusions) {
    const errors = report.confusions.reduce((sum, c) => sum + c.count, 0);
    lines.push('', `confusion list hidden: clean set, its errors are never looked at (${errors} errors, `
      + `${report.oppositeDirection} opposite-direction); --show-clean-errors prints it (log that look in the set's SOURCE.md)`);
    return lines.join('\n');
  }
  lines.push('', report.confusions.length === 0 ? 'no confusions' : 'confusions (expected -> predicted):');
  for (const c of report.confusions) {
    const flag = isOppositeDirection(c.expected, c.predicted) ? '!! OPPOSITE DIRECTION ' : '';
    lines.push(`  ${flag}${c.count} x ${c.expected} -> ${c.predicted}: ${c.examples.map((e) => JSON.stringify(e)).join(', ')}`);
  }
  return lines.join('\n');
}
