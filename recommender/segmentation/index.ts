/** The segmentation engine's public surface. */
export { SegmentationEngine, type SegmentationEngineOptions } from './engine';
export { snapshotOf, isStale, sameSegmentation, DEFAULT_HISTORY_LIMIT } from './assignments';
export { personaFor, guestPersona, personaIdForRfm, PERSONAS } from './personas';
export { loadSegmentDefinitions, SegmentDefinitionError } from './rules';
export type { SegmentDefinition, Condition } from './ruleSchema';
export { RFM_LABELS, rfmLabel, asOfMidnight, type RfmLabel } from './rfm';
export { subjectOf, type SegmentationSubject } from './subjects';
export type { LineColumns } from './columns';
export { columnsFromTransactions, type TransactionRow } from './transactions';
export { DEFAULT_CLUSTER_OPTIONS, type ClusterModel, type ClusterOptions, type ClusterSummary } from './clustering';
export { sizeReport, skewReport, DEFAULT_SIZE_THRESHOLDS, type SizeThresholds, type SizeEntry, type SkewEntry } from './reports';
export { summarise, type SegmentationSummary } from './summary';
export { refreshSegments, type SegmentSource, type RefreshOptions, type RefreshResult } from './refresh';
import defaultDefinitions from './definitions/segments.json';
import { loadSegmentDefinitions } from './rules';
import type { SegmentDefinition } from './ruleSchema';

/** The shipped rule segments (definitions/segments.json), validated. */
export function defaultSegmentDefinitions(): SegmentDefinition[] {
  return loadSegmentDefinitions(defaultDefinitions);
}
