/**
 * Who a campaign's audience holds: AND across the filter kinds (RFM labels, rule segments, personas, clusters),
 * OR within a kind. And the fairness guard: an audience named after, or built on a rule segment defined by, a
 * special category of personal data (recommender/segmentation/specialCategories.ts) is refused.
 */
import type { Audience } from '../../data/campaignPorts';
import type { SegmentAssignment } from '../../domain/model';
import { findSpecialCategoryUses } from '../../recommender/segmentation/specialCategories';

export function inAudience(assignment: SegmentAssignment, audience: Audience): boolean {
  const anyOf = <T>(wanted: readonly T[], has: (value: T) => boolean): boolean => wanted.length === 0 || wanted.some(has);
  return anyOf(audience.rfmLabels, (label) => assignment.rfm.label === label)
    && anyOf(audience.ruleSegments, (rule) => assignment.rules.includes(rule))
    && anyOf(audience.personas, (persona) => assignment.persona === persona)
    && anyOf(audience.clusters, (cluster) => assignment.cluster === cluster);
}

/** Conditions of the shipped rule segments, by id: a segment built on a protected attribute taints a campaign. */
export type RuleConditions = ReadonlyMap<string, unknown>;

/**
 * The reason the audience may not be used, or null. `raw` is the audience as sent (before validation), so an
 * extra field such as `{ "religion": [...] }` is refused for what it is, not only as an unknown field.
 */
export function protectedAttributeReason(raw: unknown, rules: RuleConditions): string | null {
  const direct = findSpecialCategoryUses(raw);
  if (direct.length > 0) {
    const use = direct[0];
    return `the audience uses ${use.category} ("${use.term}" in ${use.field || 'the audience'}); campaigns may not target special categories of personal data`;
  }
  const ruleIds = typeof raw === 'object' && raw !== null ? (raw as { ruleSegments?: unknown }).ruleSegments : undefined;
  for (const id of Array.isArray(ruleIds) ? ruleIds : []) {
    const conditions = rules.get(String(id)) ?? null;
    const uses = findSpecialCategoryUses(conditions, `ruleSegments.${String(id)}`);
    if (uses.length > 0) return `the rule segment "${String(id)}" is defined by ${uses[0].category}; campaigns may not target it`;
    // Age is a protected characteristic too (equality law), though not a special category: no campaign by age band.
    if (typeof conditions === 'object' && conditions !== null && 'ageBand' in conditions) {
      return `the rule segment "${String(id)}" is defined by age band, a protected characteristic; campaigns may not target it`;
    }
  }
  return null;
}
