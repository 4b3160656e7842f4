/**
 * Benchmark of the full segmentation recompute (RFM, rules, k-means, assignments) on synthetic data.
 *   npm run bench:segment             100k customers / 1M lines, then 1M / 10M
 *   npm run bench:segment -- --quick  10k / 100k, then 100k / 1M
 * Each size runs in its own child process so that its peak memory (maxRSS) is its own.
 */
import { execFileSync } from 'node:child_process';
import { defaultSegmentDefinitions, SegmentationEngine } from '../recommender/segmentation';
import { generate } from './syntheticOrders';

interface Figures { customers: number; lines: number; generateS: number; totalS: number; cpuS: number; stages: Record<string, number>; peakRssMb: number; heapUsedMb: number }

function runOne(customers: number, lines: number): Figures {
  const generating = performance.now();
  const data = generate(customers, lines);
  const generateS = (performance.now() - generating) / 1000;
  const stages: Record<string, number> = {};
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const engine = new SegmentationEngine(defaultSegmentDefinitions(), {
    onStage: (stage) => { stages[stage] = Math.round(performance.now() - started) / 1000; },
  });
  const assignments = engine.computeFromColumns(data.subjects, data.lines, data.asOf);
  const totalS = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuS = Math.round((cpu.user + cpu.system) / 1e4) / 100;
  if (assignments.length !== customers) throw new Error(`expected ${customers} assignments, got ${assignments.length}`);
  return {
    customers, lines, generateS: Math.round(generateS * 100) / 100, totalS: Math.round(totalS * 100) / 100, cpuS, stages,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1048576),
  };
}

function child(customers: number, lines: number): Figures {
  const output = execFileSync(process.execPath, [...process.execArgv, __filename, '--one', String(customers), String(lines)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(output.trim().split('\n').pop() ?? '{}') as Figures;
}

function main(): void {
  const argv = process.argv.slice(2);
  if (argv[0] === '--one') {
    process.stdout.write(`${JSON.stringify(runOne(Number(argv[1]), Number(argv[2])))}\n`);
    return;
  }
  const sizes: [number, number][] = argv.includes('--quick') ? [[10_000, 100_000], [100_000, 1_000_000]] : [[100_000, 1_000_000], [1_000_000, 10_000_000]];
  const results = sizes.map(([c, l]) => {
    process.stderr.write(`running ${c.toLocaleString('en')} customers / ${l.toLocaleString('en')} lines...\n`);
    return child(c, l);
  });
  process.stdout.write('customers   lines        wall (s)  cpu (s)  stages (cumulative s: ingested / scored / clustered / assigned)  peak RSS (MB)  heap (MB)\n');
  for (const r of results) {
    const stages = ['ingested', 'scored', 'clustered', 'assigned'].map((s) => r.stages[s]?.toFixed(2) ?? '-').join(' / ');
    process.stdout.write(`${String(r.customers).padEnd(11)} ${String(r.lines).padEnd(12)} ${r.totalS.toFixed(2).padStart(8)}  ${r.cpuS.toFixed(2).padStart(7)}  ${stages.padEnd(63)} ${String(r.peakRssMb).padStart(13)}  ${String(r.heapUsedMb).padStart(9)}\n`);
  }
  const ratio = results[1].totalS / results[0].totalS;
  const cpuRatio = results[1].cpuS / results[0].cpuS;
  process.stdout.write(`scaling: 10x data costs ${ratio.toFixed(2)}x the wall time, ${cpuRatio.toFixed(2)}x the CPU time (target <= 12x); largest run ${results[1].totalS.toFixed(1)} s (target < 30 s), peak ${results[1].peakRssMb} MB (target < 2048 MB)\n`);
}

main();
