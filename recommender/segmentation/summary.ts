/** The analyst-facing summary of a computation: counts per RFM label and rule, clusters, sizes. */
import type { SegmentAssignment } from '../../domain/model';
import type { ClusterModel, ClusterSummary } from './clustering';
import { summariseClusters } from './clustering';
import { RFM_LABELS } from './rfm';
import type { SegmentDefinition } from './ruleSchema';
import { countBy, sizeReport, type SizeEntry, type SizeThresholds } from './reports';

export interface SegmentationSummary {
  asOf: string;
  customers: number;
  customersWithPurchases: number;
  rfm: Record<string, number>;
  rules: Record<string, { count: number; description: string; priority: number }>;
  primary: Record<string, number>;
  clusters: ClusterSummary[];
  clusterSelection: { k: number; silhouette: number; silhouetteByK: Record<string, number> } | null;
  sizes: SizeEntry[];
  warnings: string[];
}

export function summarise(
  asOf: string, assignments: readonly SegmentAssignment[], definitions: readonly SegmentDefinition[],
  model: ClusterModel | null, thresholds?: SizeThresholds,
): SegmentationSummary {
  const rfmCounts = countBy(assignments, (a) => [a.rfm.label]);
  const rfm: Record<string, number> = {};
  for (const label of RFM_LABELS) if (rfmCounts[label]) rfm[label] = rfmCounts[label];
  const ruleCounts = countBy(assignments, (a) => a.rules);
  const rules = Object.fromEntries(
    definitions.map((d) => [d.id, { count: ruleCounts[d.id] ?? 0, description: d.description, priority: d.priority }]),
  );
  const clusterIds = Int16Array.from(assignments, (a) => a.cluster ?? -1);
  const sizes = sizeReport(assignments, thresholds);
  return {
    asOf,
    customers: assignments.length,
    customersWithPurchases: assignments.length - (rfmCounts.no_history ?? 0),
    rfm,
    rules,
    primary: countBy(assignments, (a) => [a.primary]),
    clusters: model ? summariseClusters(model, clusterIds) : [],
    clusterSelection: model ? { k: model.k, silhouette: Math.round(model.silhouette * 1e4) / 1e4, silhouetteByK: model.silhouetteByK } : null,
    sizes,
    warnings: sizes
      .filter((s) => s.warning)
      .map((s) => `${s.source} segment ${s.segment}: ${s.count} customers (${(s.share * 100).toFixed(1)}%) is ${s.warning === 'too_small' ? 'too small to act on' : 'too broad to mean much'}`),
  };
}
