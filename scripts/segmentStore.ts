/** Store mode of the segment command: placeholder until wired (see below). */
import type { SegmentationSummary, SegmentDefinition } from '../recommender/segmentation';

export async function runOnStore(storePath: string, asOf: string | undefined, definitions: SegmentDefinition[]): Promise<SegmentationSummary> {
  throw new Error(`store mode not available yet (${storePath}, ${asOf ?? 'now'}, ${definitions.length} definitions)`);
}
