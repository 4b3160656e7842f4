/**
 * Loading and evaluating rule segments. Loading refuses special-category data first, then validates with
 * zod and reports each problem as `segment "<id>": field <path>: <message>`.
 */
import { z } from 'zod';
import type { Condition, Region, SegmentDefinition } from './ruleSchema';
import { SegmentDefinitionsFileSchema } from './ruleSchema';
import { findSpecialCategoryUses } from './specialCategories';

export class SegmentDefinitionError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid segment definitions:\n  - ${problems.join('\n  - ')}`);
    this.name = 'SegmentDefinitionError';
  }
}

function definitionName(raw: unknown, index: number): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).id : undefined;
  return typeof id === 'string' && id ? `segment "${id}"` : `segment #${index + 1}`;
}

function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

/** Validates parsed JSON; throws SegmentDefinitionError listing every problem. */
export function loadSegmentDefinitions(data: unknown): SegmentDefinition[] {
  const rawSegments: unknown[] =
    typeof data === 'object' && data !== null && Array.isArray((data as Record<string, unknown>).segments)
      ? ((data as Record<string, unknown>).segments as unknown[])
      : [];
  const refused = rawSegments.flatMap((raw, i) =>
    findSpecialCategoryUses(raw).map(
      (use) => `${definitionName(raw, i)}: field ${use.field} uses special-category data (${use.category}: "${use.term}"); segments may not be built on it`,
    ),
  );
  if (refused.length > 0) throw new SegmentDefinitionError(refused);

  const parsed = SegmentDefinitionsFileSchema.safeParse(data);
  if (!parsed.success) {
    throw new SegmentDefinitionError(
      parsed.error.issues.map((issue: z.core.$ZodIssue) => {
        const [top, index, ...rest] = issue.path;
        if (top === 'segments' && typeof index === 'number') {
          const keys = issue.code === 'unrecognized_keys' ? ` (unknown: ${issue.keys.join(', ')})` : '';
          return `${definitionName(rawSegments[index], index)}: field ${pathText(rest) || '(definition)'}: ${issue.message}${keys}`;
        }
        return `file: field ${pathText(issue.path) || '(root)'}: ${issue.message}`;
      }),
    );
  }
  const seen = new Set<string>();
  const duplicates = parsed.data.segments.filter((s) => (seen.has(s.id) ? true : (seen.add(s.id), false)));
  if (duplicates.length > 0) {
    throw new SegmentDefinitionError(duplicates.map((s) => `segment "${s.id}": field id: defined more than once`));
  }
  return parsed.data.segments;
}

/** Everything a rule can look at for one customer. */
export interface RuleFacts {
  country: string;
  region: Region;
  ageBand?: string;
  values: readonly string[];
  interests: readonly string[];
  r: number;
  f: number;
  m: number;
  rfmLabel: string;
  orderCount: number;
  averageBasket: number;
  /** Infinity when the customer never ordered. */
  daysSinceLastOrder: number;
  priceSensitivity: 'value' | 'premium' | 'neutral';
  business: boolean;
  unitsPerOrder: number;
  categoryShare(category: string): number;
}

const within = (value: number, range: { min?: number; max?: number } | undefined): boolean =>
  range === undefined || ((range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max));

const anyOf = (wanted: readonly string[] | undefined, have: readonly string[]): boolean =>
  wanted === undefined || wanted.some((w) => have.some((h) => h.toLowerCase() === w.toLowerCase()));

export function matches(when: Condition, facts: RuleFacts): boolean {
  const behavioural = when.rfm;
  return (
    anyOf(when.country, [facts.country]) &&
    (when.region === undefined || when.region.includes(facts.region)) &&
    (when.ageBand === undefined || (facts.ageBand !== undefined && anyOf(when.ageBand, [facts.ageBand]))) &&
    anyOf(when.values, facts.values) &&
    anyOf(when.interests, facts.interests) &&
    (behavioural === undefined ||
      ((facts.r > 0 || (!behavioural.r && !behavioural.f && !behavioural.m)) &&
        within(facts.r, behavioural.r) && within(facts.f, behavioural.f) && within(facts.m, behavioural.m) &&
        (behavioural.labels === undefined || behavioural.labels.some((l) => l === facts.rfmLabel)))) &&
    (when.categoryAffinity === undefined || facts.categoryShare(when.categoryAffinity.category) >= when.categoryAffinity.minShare) &&
    within(facts.orderCount, when.orderCount) &&
    (when.averageBasket === undefined || (facts.orderCount > 0 && within(facts.averageBasket, when.averageBasket))) &&
    (when.daysSinceLastOrder === undefined || (facts.orderCount > 0 && within(facts.daysSinceLastOrder, when.daysSinceLastOrder))) &&
    (when.priceSensitivity === undefined || when.priceSensitivity === facts.priceSensitivity) &&
    (when.business === undefined || when.business === facts.business) &&
    (when.unitsPerOrder === undefined || (facts.orderCount > 0 && within(facts.unitsPerOrder, when.unitsPerOrder)))
  );
}
