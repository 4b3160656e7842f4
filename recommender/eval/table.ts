/** Formats an evaluation report as a plain-text table, one block per variant. */
import type { EvalReport } from './runEval';
import type { ItemToItemReport } from './itemToItem';
import type { MethodMetrics } from './metrics';

const COLUMNS: (keyof MethodMetrics)[] = ['hr10', 'p10', 'r10', 'ndcg10', 'hr5', 'p5', 'r5', 'ndcg5', 'coverage10'];

export function formatReport(report: EvalReport): string {
  const lines = [`OR-T evaluation, cutoff ${report.cutoff}, ${report.trainItems} train items`];
  for (const [variant, result] of Object.entries(report.variants)) {
    lines.push('', `variant "${variant}": ${result.users} test users`);
    lines.push(['method'.padEnd(20), ...COLUMNS.map((c) => c.padStart(11))].join(''));
    for (const [name, metrics] of Object.entries(result.methods)) {
      lines.push([name.padEnd(20), ...COLUMNS.map((c) => metrics[c].toFixed(4).padStart(11))].join(''));
    }
  }
  return lines.join('\n');
}

export function formatItemToItem(cutoff: string, report: ItemToItemReport): string {
  const lines = [`"More like this", cutoff ${cutoff}: ${report.queries} test invoices, ${report.anchors} distinct anchor items`];
  lines.push(['method'.padEnd(20), ...COLUMNS.map((c) => c.padStart(11))].join(''));
  for (const [name, metrics] of Object.entries(report.methods)) lines.push([name.padEnd(20), ...COLUMNS.map((c) => metrics[c].toFixed(4).padStart(11))].join(''));
  return lines.join('\n');
}
