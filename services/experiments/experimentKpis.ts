/**
 * An experiment's KPIs per variant, for each segment and overall (pure). The unit is the exposure: one conversation
 * in which the variant applied (segment = the customer's primary segment at that moment).
 * - suggestion open rate: of exposed conversations that showed suggestions, the share where one was opened (Wilson);
 * - conversion: exposed conversations that are the last touch of an attributed order (attribution.ts) (Wilson);
 * - revenue per conversation: attributed revenue per exposed conversation (normal interval on the mean);
 * - CSAT: the survey answers given in exposed conversations (normal interval on the mean);
 * - opt-out rate: exposed conversations whose customer opted out of marketing or personalisation within the
 *   attribution window after the exposure (Wilson).
 * Guardrails: a variant whose opt-out rate is significantly higher, or CSAT significantly lower, than the control's
 * in the same group (stats.ts) gets a warning.
 */
import { groupBy } from '../../domain/groupBy';
import type { Experiment, Exposure, GuardrailMetric } from '../../domain/experiments';
import type { AuditEntry, Feedback, SuggestionEvent } from '../../domain/model';
import type { AttributedOrder } from '../attribution/attribution';
import { mean, meanDifference, proportion, proportionDifference, type MeanEstimate, type ProportionEstimate } from './stats';

const DAY_MS = 86_400_000;
export const ALL_SEGMENTS = 'all';

export interface VariantKpis {
  variantId: string;
  name: string;
  control: boolean;
  exposures: number;
  openRate: ProportionEstimate;
  conversion: ProportionEstimate;
  revenuePerConversation: MeanEstimate;
  csat: MeanEstimate;
  optOutRate: ProportionEstimate;
  /** Guardrails this variant breaches against the control, e.g. "optOutRate". */
  warnings: GuardrailMetric[];
}

export interface SegmentKpis {
  segment: string;
  variants: VariantKpis[];
}

export interface ExperimentKpiInput {
  experiment: Experiment;
  exposures: readonly Exposure[];
  events: readonly SuggestionEvent[];
  feedback: readonly Feedback[];
  attributed: readonly AttributedOrder[];
  audit: readonly AuditEntry[];
  windowDays: number;
}

interface Unit { showed: boolean; opened: boolean; revenue: number; converted: boolean; csat: number[]; optedOut: boolean }

export function experimentKpis(input: ExperimentKpiInput): SegmentKpis[] {
  const eventsIn = groupBy(input.events, (e) => e.conversationId);
  const feedbackIn = groupBy(input.feedback, (f) => f.conversationId);
  const ordersFrom = groupBy(input.attributed, (o) => o.touch.conversationId);
  const optOuts = groupBy(input.audit.filter(isOptOut), (a) => a.subject);
  const groups = new Map<string, Map<string, Unit[]>>();
  for (const exposure of input.exposures) {
    if (exposure.experimentId !== input.experiment.id) continue;
    const unit = unitOf(exposure, eventsIn, feedbackIn, ordersFrom, optOuts, input.windowDays);
    for (const segment of [exposure.segment?.primary ?? 'none', ALL_SEGMENTS]) {
      const byVariant = groups.get(segment) ?? new Map<string, Unit[]>();
      groups.set(segment, byVariant);
      byVariant.set(exposure.variantId, [...(byVariant.get(exposure.variantId) ?? []), unit]);
    }
  }
  const segments = [...groups.keys()].filter((s) => s !== ALL_SEGMENTS).sort();
  return [...segments, ALL_SEGMENTS].map((segment) => ({ segment, variants: variantRows(input.experiment, groups.get(segment) ?? new Map()) }));
}

function unitOf(
  exposure: Exposure, eventsIn: Map<string, SuggestionEvent[]>, feedbackIn: Map<string, Feedback[]>,
  ordersFrom: Map<string, AttributedOrder[]>, optOuts: Map<string, AuditEntry[]>, windowDays: number,
): Unit {
  const events = eventsIn.get(exposure.conversationId) ?? [];
  const orders = ordersFrom.get(exposure.conversationId) ?? [];
  const from = Date.parse(exposure.at);
  const optedOut = exposure.customerId !== null && (optOuts.get(exposure.customerId) ?? [])
    .some((a) => Date.parse(a.at) >= from && Date.parse(a.at) - from <= windowDays * DAY_MS);
  return {
    showed: events.some((e) => e.kind === 'shown'),
    opened: events.some((e) => e.kind === 'opened'),
    revenue: orders.reduce((s, o) => s + o.attributedRevenue, 0),
    converted: orders.length > 0,
    csat: (feedbackIn.get(exposure.conversationId) ?? []).flatMap((f) => (f.csat === null ? [] : [f.csat])),
    optedOut,
  };
}

function variantRows(experiment: Experiment, byVariant: Map<string, Unit[]>): VariantKpis[] {
  const rows = experiment.variants.map((variant): VariantKpis => {
    const units = byVariant.get(variant.id) ?? [];
    const showed = units.filter((u) => u.showed);
    return {
      variantId: variant.id, name: variant.name, control: variant.id === experiment.controlVariantId, exposures: units.length,
      openRate: proportion(showed.filter((u) => u.opened).length, showed.length),
      conversion: proportion(units.filter((u) => u.converted).length, units.length),
      revenuePerConversation: mean(units.map((u) => u.revenue)),
      csat: mean(units.flatMap((u) => u.csat)),
      optOutRate: proportion(units.filter((u) => u.optedOut).length, units.length),
      warnings: [],
    };
  });
  const control = rows.find((r) => r.control);
  if (!control) return rows;
  for (const row of rows) {
    if (row.control) continue;
    const optOutDiff = proportionDifference(row.optOutRate, control.optOutRate);
    if (experiment.guardrails.includes('optOutRate') && optOutDiff && optOutDiff.low > 0) row.warnings.push('optOutRate');
    const csatDiff = meanDifference(row.csat, control.csat);
    if (experiment.guardrails.includes('csat') && csatDiff && csatDiff.high < 0) row.warnings.push('csat');
  }
  return rows;
}

function isOptOut(entry: AuditEntry): boolean {
  return entry.action === 'consent_change' && entry.details.granted === false;
}

