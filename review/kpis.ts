/**
 * KPIs by segment over a date range (pure). Each fact is bucketed by the segment it recorded at the time:
 * conversations by their segment snapshot, suggestion events and feedback by their own snapshots.
 * - identifiedShare: conversations with a customer / conversations
 * - openedRate, dismissedRate: opened / shown, dismissed / shown (events in range)
 * - csatAverage: mean CSAT of feedback in range; nps: % promoters (9-10) - % detractors (0-6)
 * - optOutRate: identified customers (distinct, of conversations in range) who opted out of personalisation
 * - handoffs: handoffs requested in range
 * Rates are null when their denominator is zero. The "all" row is computed over everything, not averaged.
 */
import { dayRange, inRange } from './dateRange';
import { GUEST_SEGMENT, isOptedOut, segmentOf, type ReviewFacts } from './reviewFacts';

export interface KpiRow {
  segment: string;
  conversations: number;
  identifiedShare: number | null;
  suggestionsShown: number;
  openedRate: number | null;
  dismissedRate: number | null;
  csatAverage: number | null;
  csatResponses: number;
  nps: number | null;
  npsResponses: number;
  optOutRate: number | null;
  handoffs: number;
}

export const ALL_SEGMENTS = 'all';

interface Tally {
  conversations: number; identified: number; shown: number; opened: number; dismissed: number;
  csatSum: number; csatCount: number; promoters: number; detractors: number; npsCount: number;
  customers: Set<string>; optedOut: Set<string>; handoffs: number;
}

function emptyTally(): Tally {
  return {
    conversations: 0, identified: 0, shown: 0, opened: 0, dismissed: 0, csatSum: 0, csatCount: 0,
    promoters: 0, detractors: 0, npsCount: 0, customers: new Set(), optedOut: new Set(), handoffs: 0,
  };
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
const ratio = (n: number, d: number, places = 4) => (d === 0 ? null : round(n / d, places));

export function computeKpis(facts: ReviewFacts, from?: string, to?: string): KpiRow[] {
  const range = dayRange(from, to);
  const tallies = new Map<string, Tally>();
  const both = (segment: string) => [tallyFor(tallies, segment), tallyFor(tallies, ALL_SEGMENTS)];

  const conversationSegment = new Map<string, string>();
  for (const c of facts.conversations) {
    conversationSegment.set(c.id, segmentOf(c.segment));
    if (!inRange(c.startedAt, range)) continue;
    for (const t of both(segmentOf(c.segment))) {
      t.conversations += 1;
      if (!c.customerId) continue;
      t.identified += 1;
      t.customers.add(c.customerId);
      if (isOptedOut(facts.customers.get(c.customerId))) t.optedOut.add(c.customerId);
    }
  }
  for (const e of facts.events) {
    if (!inRange(e.at, range)) continue;
    for (const t of both(segmentOf(e.segment))) {
      if (e.kind === 'shown') t.shown += 1;
      else if (e.kind === 'opened') t.opened += 1;
      else t.dismissed += 1;
    }
  }
  for (const f of facts.feedback) {
    if (!inRange(f.at, range)) continue;
    for (const t of both(segmentOf(f.segment))) {
      if (f.csat !== null) { t.csatSum += f.csat; t.csatCount += 1; }
      if (f.nps !== null) {
        t.npsCount += 1;
        if (f.nps >= 9) t.promoters += 1;
        else if (f.nps <= 6) t.detractors += 1;
      }
    }
  }
  for (const h of facts.handoffs) {
    if (!inRange(h.requestedAt, range)) continue;
    const segment = h.segment ? segmentOf(h.segment) : conversationSegment.get(h.conversationId) ?? GUEST_SEGMENT;
    for (const t of both(segment)) t.handoffs += 1;
  }
  tallyFor(tallies, ALL_SEGMENTS);
  const segments = [...tallies.keys()].filter((s) => s !== ALL_SEGMENTS).sort();
  return [...segments, ALL_SEGMENTS].map((segment) => toRow(segment, tallies.get(segment) ?? emptyTally()));
}

function tallyFor(tallies: Map<string, Tally>, segment: string): Tally {
  let t = tallies.get(segment);
  if (!t) {
    t = emptyTally();
    tallies.set(segment, t);
  }
  return t;
}

function toRow(segment: string, t: Tally): KpiRow {
  return {
    segment,
    conversations: t.conversations,
    identifiedShare: ratio(t.identified, t.conversations),
    suggestionsShown: t.shown,
    openedRate: ratio(t.opened, t.shown),
    dismissedRate: ratio(t.dismissed, t.shown),
    csatAverage: ratio(t.csatSum, t.csatCount, 2),
    csatResponses: t.csatCount,
    nps: t.npsCount === 0 ? null : round(((t.promoters - t.detractors) / t.npsCount) * 100, 1),
    npsResponses: t.npsCount,
    optOutRate: ratio(t.optedOut.size, t.customers.size),
    handoffs: t.handoffs,
  };
}

export const KPI_CSV_HEADERS: (keyof KpiRow)[] = [
  'segment', 'conversations', 'identifiedShare', 'suggestionsShown', 'openedRate', 'dismissedRate',
  'csatAverage', 'csatResponses', 'nps', 'npsResponses', 'optOutRate', 'handoffs',
];
