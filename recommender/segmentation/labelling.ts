/**
 * Turns aggregates into segment columns for every customer: RFM scores, rule-segment membership (a bit per
 * definition), the primary rule and the nearest cluster. Pure and deterministic; the same function serves a
 * full recompute and an incremental update, which is why the two agree.
 */
import type { CustomerAggregates } from './aggregates';
import { clusterOf, type ClusterModel } from './clustering';
import { factsFor, priceTertiles } from './facts';
import { scoreRfm, type RfmScores } from './rfm';
import type { SegmentDefinition } from './ruleSchema';
import { matches } from './rules';
import type { SegmentationSubject } from './subjects';

export interface SegmentColumns {
  scores: RfmScores;
  /** Bit i set when the customer is in definitions[i]. */
  ruleMask: Uint32Array;
  /** Index of the highest-priority matching definition, -1 for none. */
  primaryRule: Int8Array;
  /** Nearest cluster, -1 without purchases or without a model. */
  cluster: Int16Array;
  /** Definition indices by descending priority. */
  priority: readonly number[];
}

/** Definition indices by descending priority (ties keep file order): the order primaries are picked in. */
export function priorityOrder(definitions: readonly SegmentDefinition[]): number[] {
  return definitions.map((_, i) => i).sort((a, b) => definitions[b].priority - definitions[a].priority || a - b);
}

export function labelAll(
  aggregates: CustomerAggregates,
  subjects: readonly SegmentationSubject[],
  slotsById: Uint32Array,
  asOfMs: number,
  definitions: readonly SegmentDefinition[],
  model: ClusterModel | null,
  scores: RfmScores = scoreRfm(aggregates, asOfMs, slotsById),
): SegmentColumns {
  const n = aggregates.size;
  const tertiles = priceTertiles(aggregates);
  const order = priorityOrder(definitions);
  const ruleMask = new Uint32Array(n);
  const primaryRule = new Int8Array(n).fill(-1);
  const cluster = new Int16Array(n).fill(-1);
  for (let slot = 0; slot < n; slot++) {
    if (definitions.length > 0) {
      const facts = factsFor(aggregates, scores, tertiles, slot, subjects[slot]);
      let mask = 0;
      for (const i of order) {
        if (!matches(definitions[i].when, facts)) continue;
        mask |= 1 << i;
        if (primaryRule[slot] < 0) primaryRule[slot] = i;
      }
      ruleMask[slot] = mask >>> 0;
    }
    if (model) cluster[slot] = clusterOf(model, aggregates, scores, slot);
  }
  return { scores, ruleMask, primaryRule, cluster, priority: order };
}
