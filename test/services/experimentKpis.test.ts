/** KPIs per variant with intervals and guardrail warnings, against a hand-computed fixture. */
import type { Experiment, Exposure } from '../../domain/experiments';
import type { AuditEntry, Feedback, SuggestionEvent } from '../../domain/model';
import { attributeOrders } from '../../services/attribution/attribution';
import { experimentKpis } from '../../services/experiments/experimentKpis';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-01T00:00:00Z');
const at = (days: number) => new Date(T0 + days * DAY).toISOString();
const SEG = { primary: 'champions', rfmLabel: 'champions', persona: 'p' };

const experiment: Experiment = {
  id: 'exp1', name: 'Tone', hypothesis: null, status: 'running', controlVariantId: 'a', segments: [], guardrails: ['optOutRate', 'csat'],
  variants: [{ id: 'a', name: 'Control', weight: 1, changes: {} }, { id: 'b', name: 'Concise', weight: 1, changes: { tone: 'concise' } }],
  createdAt: at(0), createdBy: 'admin', endedAt: null, endedBy: null, winnerVariantId: null,
};
const ids = Array.from({ length: 10 }, (_, i) => i);
const exposures: Exposure[] = ['a', 'b'].flatMap((v) => ids.map((i) => ({
  id: `x-${v}${i}`, experimentId: 'exp1', variantId: v, conversationId: `${v}${i}`, customerId: `cust-${v}${i}`, segment: SEG, at: at(1),
})));
const ev = (conversationId: string, kind: SuggestionEvent['kind'], productId = 'P1'): SuggestionEvent => ({
  id: `${conversationId}-${kind}`, conversationId, customerId: `cust-${conversationId}`, productId, kind, reason: 'r', segment: SEG, at: at(1),
});
// Suggestions shown in every conversation; opened in a0..a4 and b0..b1.
const events = [...ids.map((i) => ev(`a${i}`, 'shown')), ...ids.map((i) => ev(`b${i}`, 'shown')),
  ...[0, 1, 2, 3, 4].map((i) => ev(`a${i}`, 'opened')), ev('b0', 'opened'), ev('b1', 'opened')];
const feedback: Feedback[] = [
  ...ids.map((i) => ({ conversationId: `a${i}`, csat: i % 2 === 0 ? 5 : 4 })),
  ...ids.map((i) => ({ conversationId: `b${i}`, csat: i % 2 === 0 ? 2 : 3 })),
].map((f, i) => ({ id: `f${i}`, customerId: null, segment: SEG, nps: null, comment: null, followsSuggestions: [], at: at(1), ...f }));
const optOut = (subject: string, days: number): AuditEntry => ({
  id: `au-${subject}-${days}`, at: at(days), action: 'consent_change', subject, actor: 'customer', details: { topic: 'marketing', granted: false },
});
// b0..b5 opt out two days later; a0 only 10 days later (outside the 7-day window).
const audit = [...[0, 1, 2, 3, 4, 5].map((i) => optOut(`cust-b${i}`, 3)), optOut('cust-a0', 11)];
const orders = [{ id: 'o1', customerId: 'cust-a0', date: at(2), lines: [{ productId: 'P1', quantity: 3, unitPrice: 10 }] }];

describe('experiment KPIs', () => {
  const segments = experimentKpis({ experiment, exposures, events, feedback, audit, attributed: attributeOrders(orders, events, 7), windowDays: 7 });

  test('one group per segment plus "all", each with both variants', () => {
    expect(segments.map((s) => s.segment)).toEqual(['champions', 'all']);
    expect(segments[1].variants.map((v) => [v.variantId, v.control, v.exposures])).toEqual([['a', true, 10], ['b', false, 10]]);
  });

  test('figures and 95 % intervals', () => {
    const [a, b] = segments[1].variants;
    expect(a.openRate.value).toBe(0.5);
    expect(a.openRate.ci?.low).toBeCloseTo(0.2366, 4);
    expect(b.openRate.value).toBe(0.2);
    expect(a.conversion).toMatchObject({ successes: 1, n: 10, value: 0.1 });
    // Revenue per conversation: 30 in one of ten conversations → 3, sd = √(810/9) = √90.
    expect(a.revenuePerConversation.value).toBe(3);
    expect(a.revenuePerConversation.ci?.high).toBeCloseTo(3 + 1.959964 * Math.sqrt(90) / Math.sqrt(10), 6);
    expect(a.csat.value).toBe(4.5);
    expect(b.csat.value).toBe(2.5);
    expect(a.optOutRate.value).toBe(0);
    expect(b.optOutRate.value).toBe(0.6);
  });

  test('the variant worse on opt-out and CSAT carries both warnings; control none', () => {
    expect(segments[1].variants.map((v) => v.warnings)).toEqual([[], ['optOutRate', 'csat']]);
  });

  test('a guardrail the experiment does not watch gives no warning', () => {
    const onlyCsat = { ...experiment, guardrails: ['csat' as const] };
    const result = experimentKpis({ experiment: onlyCsat, exposures, events, feedback, audit, attributed: [], windowDays: 7 });
    expect(result[1].variants[1].warnings).toEqual(['csat']);
  });
});
