/**
 * Reports over a set of assignments: segment sizes with over/under-segmentation warnings, and how each
 * segment spreads over the demographic attributes we hold (country, age band, business flag) against the
 * whole customer base, so that skew is visible.
 */
import type { SegmentAssignment } from '../../domain/model';
import type { SegmentationSubject } from './subjects';

export interface SizeThresholds {
  /** Below this many customers a segment is too small to act on. */
  minCount: number;
  /** Above this share of customers a segment is too broad to mean anything. */
  maxShare: number;
}

export const DEFAULT_SIZE_THRESHOLDS: SizeThresholds = { minCount: 20, maxShare: 0.4 };

export interface SizeEntry {
  source: 'rfm' | 'rule' | 'cluster' | 'primary';
  segment: string;
  count: number;
  share: number;
  warning?: 'too_small' | 'too_large';
}

export function countBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) for (const key of keys(item)) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

export function sizeReport(assignments: readonly SegmentAssignment[], thresholds: SizeThresholds = DEFAULT_SIZE_THRESHOLDS): SizeEntry[] {
  const total = assignments.length;
  const sources: [SizeEntry['source'], Record<string, number>][] = [
    ['rfm', countBy(assignments, (a) => [a.rfm.label])],
    ['rule', countBy(assignments, (a) => a.rules)],
    ['cluster', countBy(assignments, (a) => (a.cluster === undefined ? [] : [`cluster_${a.cluster}`]))],
    ['primary', countBy(assignments, (a) => [a.primary])],
  ];
  return sources.flatMap(([source, counts]) =>
    Object.entries(counts)
      .sort((a, b) => b[1] - a[1])
      .map(([segment, count]) => {
        const share = total > 0 ? count / total : 0;
        const warning = count < thresholds.minCount ? 'too_small' : share > thresholds.maxShare ? 'too_large' : undefined;
        return { source, segment, count, share: round(share), ...(warning ? { warning } : {}) };
      }),
  );
}

export interface SkewEntry {
  segment: string;
  attribute: 'country' | 'ageBand' | 'business';
  /** Share of the segment per value, beside the share of all customers. */
  spread: { value: string; segmentShare: number; overallShare: number }[];
  /** Largest |segment share - overall share| over the values: 0 = same mix as everyone. */
  maxDeviation: number;
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

function attributeValues(subject: SegmentationSubject | undefined): Record<SkewEntry['attribute'], string> {
  return {
    country: subject?.country || 'unknown',
    ageBand: subject?.ageBand ?? 'not stated',
    business: subject?.isBusiness === undefined ? 'unknown' : subject.isBusiness ? 'business' : 'consumer',
  };
}

/** One entry per segment (RFM label and rule) and attribute; values beyond `topValues` fold into "other". */
export function skewReport(
  assignments: readonly SegmentAssignment[], subjects: ReadonlyMap<string, SegmentationSubject>, topValues = 5,
): SkewEntry[] {
  const attributes: SkewEntry['attribute'][] = ['country', 'ageBand', 'business'];
  const valuesOf = assignments.map((a) => attributeValues(subjects.get(a.customerId)));
  const segments = new Map<string, number[]>();
  assignments.forEach((a, i) => {
    for (const segment of [a.rfm.label, ...a.rules]) {
      let members = segments.get(segment);
      if (!members) segments.set(segment, (members = []));
      members.push(i);
    }
  });
  const entries: SkewEntry[] = [];
  for (const attribute of attributes) {
    const overall = countBy(valuesOf, (v) => [v[attribute]]);
    const top = Object.entries(overall).sort((a, b) => b[1] - a[1]).slice(0, topValues).map(([v]) => v);
    const fold = (value: string): string => (top.includes(value) ? value : 'other');
    const overallFolded = countBy(valuesOf, (v) => [fold(v[attribute])]);
    for (const [segment, members] of segments) {
      const inSegment = countBy(members, (i) => [fold(valuesOf[i][attribute])]);
      const spread = Object.keys(overallFolded).map((value) => ({
        value,
        segmentShare: round((inSegment[value] ?? 0) / members.length),
        overallShare: round(overallFolded[value] / assignments.length),
      }));
      const maxDeviation = round(Math.max(...spread.map((s) => Math.abs(s.segmentShare - s.overallShare))));
      entries.push({ segment, attribute, spread, maxDeviation });
    }
  }
  return entries;
}
