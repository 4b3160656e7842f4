/** Store mode of the segment command: recompute every customer in the store and write assignments + history. */
import { existsSync } from 'node:fs';
import { openStore } from '../data/openStore';
import {
  asOfMidnight, refreshSegments, summarise, type SegmentationSummary, type SegmentDefinition,
} from '../recommender/segmentation';
import { progressBar } from './segmentCli';

export async function runOnStore(storePath: string, asOf: string | undefined, definitions: SegmentDefinition[]): Promise<SegmentationSummary> {
  if (!existsSync(storePath)) throw new Error(`no store at ${storePath}: run the import or start the bot once, or pass --store <path>`);
  const store = await openStore({ path: storePath, seed: () => { throw new Error(`no store at ${storePath}`); } });
  try {
    const bar = progressBar('segmenting', 4);
    const asOfDate = asOf ? new Date(asOfMidnight(asOf)) : new Date();
    const leftOut: string[] = [];
    const result = await refreshSegments(store.repositories, definitions, {
      asOf: asOfDate, maxAgeMs: 0, force: true, onStage: (_s, done) => bar.update(done),
      onOrderLeftOut: (order, reason) => leftOut.push(`order ${order.id}: ${reason}`),
    });
    await store.flush();
    bar.done(`${result.assignments.length.toLocaleString('en')} assignments written to ${storePath}`);
    for (const line of leftOut) console.warn(`left out of segments: ${line}`);
    return summarise(asOfDate.toISOString().slice(0, 10), result.assignments, definitions, result.engine.clusterModel);
  } finally {
    await store.close();
  }
}
