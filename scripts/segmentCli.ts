/** Argument parsing, progress bar and the printed summary of the segment command. */
import type { SegmentationSummary } from '../recommender/segmentation';

export interface SegmentArgs {
  orders?: string;
  asOf?: string;
  json?: string;
  store: string;
  definitions?: string;
}

const USAGE = 'usage: npm run segment -- [--orders <file.csv|.csv.gz> --as-of YYYY-MM-DD] [--store var/store.json] [--json out.json] [--definitions segments.json]';

export function parseArgs(argv: readonly string[]): SegmentArgs {
  const args: SegmentArgs = { store: 'var/store.json' };
  const names: Record<string, keyof SegmentArgs> = { '--orders': 'orders', '--as-of': 'asOf', '--json': 'json', '--store': 'store', '--definitions': 'definitions' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--help' || argv[i] === '-h') { process.stdout.write(`${USAGE}\n`); process.exit(0); }
    const key = names[argv[i]];
    const value = argv[i + 1];
    if (!key) throw new Error(`unknown option ${argv[i]}\n${USAGE}`);
    if (value === undefined || value.startsWith('--')) throw new Error(`${argv[i]} needs a value\n${USAGE}`);
    args[key] = value;
    i++;
  }
  return args;
}

/** A one-line bar on stderr (plain lines when stderr is not a terminal). */
export function progressBar(label: string, total: number): { update(done: number): void; done(message: string): void } {
  const tty = process.stderr.isTTY === true;
  return {
    update(done) {
      if (!tty) return;
      const ratio = Math.min(1, done / total);
      const filled = Math.round(ratio * 30);
      process.stderr.write(`\r${label.padEnd(11)} [${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${Math.round(ratio * 100)}%`);
    },
    done(message) {
      process.stderr.write(`${tty ? '\r\x1b[K' : ''}${label.padEnd(11)} done: ${message}\n`);
    },
  };
}

export function printSummary(summary: SegmentationSummary, jsonPath: string | undefined): void {
  const out: string[] = [`As of ${summary.asOf}: ${summary.customers} customers, ${summary.customersWithPurchases} with purchases`, '', 'RFM segments:'];
  for (const [label, count] of Object.entries(summary.rfm)) out.push(`  ${label.padEnd(22)} ${String(count).padStart(7)}`);
  out.push('', 'Rule segments (a customer can be in several):');
  for (const [id, rule] of Object.entries(summary.rules)) out.push(`  ${id.padEnd(22)} ${String(rule.count).padStart(7)}  (priority ${rule.priority})`);
  if (summary.clusterSelection) {
    out.push('', `Clusters: k=${summary.clusterSelection.k} (silhouette ${summary.clusterSelection.silhouette})`);
    for (const c of summary.clusters) out.push(`  ${String(c.id).padEnd(3)} ${String(c.size).padStart(7)}  ${c.description}`);
  }
  if (summary.warnings.length > 0) out.push('', 'Size warnings:', ...summary.warnings.map((w) => `  ${w}`));
  if (jsonPath) out.push('', `Wrote ${jsonPath}`);
  process.stdout.write(`${out.join('\n')}\n`);
}
