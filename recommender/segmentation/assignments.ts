/** Builds SegmentAssignment records from the columns, carrying each customer's history forward. */
import type { SegmentAssignment, SegmentSnapshot } from '../../domain/model';
import type { CustomerAggregates } from './aggregates';
import type { SegmentColumns } from './labelling';
import { personaIdForRfm } from './personas';
import { rfmOf } from './rfm';
import type { SegmentDefinition } from './ruleSchema';

export const DEFAULT_HISTORY_LIMIT = 24;

export function buildAssignment(
  aggregates: CustomerAggregates,
  columns: SegmentColumns,
  definitions: readonly SegmentDefinition[],
  slot: number,
  computedAt: string,
  previous: SegmentAssignment | undefined,
  historyLimit = DEFAULT_HISTORY_LIMIT,
): SegmentAssignment {
  const rfm = rfmOf(aggregates, columns.scores, slot);
  const rules: string[] = [];
  const mask = columns.ruleMask[slot];
  if (mask !== 0) for (const i of columns.priority) if (mask & (1 << i)) rules.push(definitions[i].id);
  const primaryDefinition = columns.primaryRule[slot] >= 0 ? definitions[columns.primaryRule[slot]] : undefined;
  const primary = primaryDefinition?.id ?? rfm.label;
  const cluster = columns.cluster[slot];
  const history = previous?.history ?? [];
  const changed = !previous || previous.primary !== primary || previous.rfm.label !== rfm.label;
  return {
    customerId: aggregates.ids[slot],
    rfm,
    rules,
    primary,
    ...(cluster >= 0 ? { cluster } : {}),
    persona: primaryDefinition?.persona ?? personaIdForRfm(rfm.label),
    computedAt,
    history: changed ? [...history, { at: computedAt, primary, rfmLabel: rfm.label }].slice(-historyLimit) : history,
  };
}

/** Whether two assignments say the same thing about the customer (stamps and history aside). */
export function sameSegmentation(a: SegmentAssignment, b: SegmentAssignment): boolean {
  return (
    a.customerId === b.customerId && a.primary === b.primary && a.persona === b.persona && a.cluster === b.cluster &&
    a.rfm.label === b.rfm.label && a.rfm.r === b.rfm.r && a.rfm.f === b.rfm.f && a.rfm.m === b.rfm.m &&
    a.rfm.recencyDays === b.rfm.recencyDays && a.rfm.frequency === b.rfm.frequency && a.rfm.monetary === b.rfm.monetary &&
    a.rules.length === b.rules.length && a.rules.every((r, i) => r === b.rules[i])
  );
}

/** What feedback, suggestion events and transcripts record about the segment. */
export function snapshotOf(assignment: SegmentAssignment): SegmentSnapshot {
  return { primary: assignment.primary, rfmLabel: assignment.rfm.label, persona: assignment.persona };
}

/** True when nothing was computed yet or any assignment is older than `maxAgeMs`. */
export function isStale(assignments: readonly Pick<SegmentAssignment, 'computedAt'>[], now: Date, maxAgeMs: number): boolean {
  if (assignments.length === 0) return true;
  const oldest = assignments.reduce((min, a) => Math.min(min, Date.parse(a.computedAt)), Infinity);
  return now.getTime() - oldest > maxAgeMs;
}
