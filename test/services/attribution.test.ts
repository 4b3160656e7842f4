/** Last-touch attribution, the report by segment / campaign / variant, and CLV, against hand-computed fixtures. */
import type { Exposure } from '../../domain/experiments';
import type { Order, SegmentAssignment, SegmentSnapshot, SuggestionEvent } from '../../domain/model';
import { attributeOrders } from '../../services/attribution/attribution';
import { attributionReport } from '../../services/attribution/attributionReport';
import { lifetimeValueBySegment } from '../../services/attribution/lifetimeValue';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-01T00:00:00Z');
const at = (days: number) => new Date(T0 + days * DAY).toISOString();
const seg = (primary: string): SegmentSnapshot => ({ primary, rfmLabel: primary, persona: 'p' });
let n = 0;
function event(conversationId: string, customerId: string | null, productId: string, kind: SuggestionEvent['kind'], days: number, segment: string, extra = {}): SuggestionEvent {
  n += 1;
  return { id: `ev${n}`, conversationId, customerId, productId, kind, reason: 'r', segment: seg(segment), at: at(days), ...extra };
}
const order = (id: string, customerId: string, days: number, lines: [string, number, number][]): Order =>
  ({ id, customerId, date: at(days), lines: lines.map(([productId, quantity, unitPrice]) => ({ productId, quantity, unitPrice })) });

const events: SuggestionEvent[] = [
  event('A', 'c1', 'P1', 'shown', 1, 'champions'),
  event('A', 'c1', 'P2', 'shown', 2, 'champions'),
  event('B', 'c1', 'P1', 'opened', 3, 'loyal'),
  event('C', 'c2', 'P9', 'shown', 1, 'at_risk', { campaignId: 'cmp1' }),
  event('D', null, 'P8', 'shown', 1, 'guest'),
];
const orders: Order[] = [
  // P1 was shown (day 1) and opened (day 3): last touch B; only the P1 lines (2 × 5) are attributed, of 20.
  order('o1', 'c1', 5, [['P1', 2, 5], ['P3', 1, 10]]),
  // 17 days after the last P1 touch: outside the 7-day window.
  order('o2', 'c1', 20, [['P1', 1, 5]]),
  // P2 shown half a day before: attributed to A.
  order('o3', 'c1', 2.5, [['P2', 1, 4]]),
  // c2 bought something never suggested: not attributed.
  order('o4', 'c2', 2, [['P8', 1, 7]]),
];
const exposures: Exposure[] = [
  { id: 'x1', experimentId: 'exp1', variantId: 'b', conversationId: 'A', customerId: 'c1', segment: seg('champions'), at: at(1) },
];

describe('last-touch attribution', () => {
  test('orders are credited to the last touch of a suggested product within the window, with the suggested lines only', () => {
    const attributed = attributeOrders(orders, events, 7);
    expect(attributed.map((o) => [o.orderId, o.touch.conversationId, o.touch.kind, o.attributedRevenue, o.orderTotal])).toEqual([
      ['o1', 'B', 'opened', 10, 20],
      ['o3', 'A', 'shown', 4, 4],
    ]);
  });

  test('a shorter window drops the earlier touches; a touch at the order instant counts; an "opened" wins a tie', () => {
    expect(attributeOrders(orders, events, 1).map((o) => o.orderId)).toEqual(['o3']);
    const tie = [event('E', 'c3', 'P5', 'shown', 4, 'x'), event('F', 'c3', 'P5', 'opened', 4, 'x'), event('G', 'c3', 'P5', 'shown', 4, 'x')];
    const [result] = attributeOrders([order('o5', 'c3', 4, [['P5', 1, 1]])], tie, 7);
    expect(result.touch.conversationId).toBe('F');
  });

  test('the report by segment, campaign and variant', () => {
    const report = attributionReport({ orders, events, exposures, windowDays: 7 });
    const brief = (rows: typeof report.bySegment) => rows.map((r) => [r.key, r.touchedConversations, r.convertedConversations, r.attributedOrders, r.attributedRevenue, r.averageOrderValue]);
    expect(brief(report.bySegment)).toEqual([
      ['at_risk', 1, 0, 0, 0, null],
      ['champions', 1, 1, 1, 4, 4],
      ['loyal', 1, 1, 1, 10, 20],
    ]);
    expect(brief(report.byCampaign)).toEqual([['cmp1', 1, 0, 0, 0, null], ['none', 2, 2, 2, 14, 12]]);
    expect(brief(report.byVariant)).toEqual([['exp1/b', 1, 1, 1, 4, 4], ['none', 2, 1, 1, 10, 20]]);
    expect(brief([report.total])).toEqual([['all', 3, 2, 2, 14, 12]]);
    expect(report.total.conversionRate.value).toBeCloseTo(2 / 3, 10);
  });

  test('a date range keeps orders and conversations of those days', () => {
    const report = attributionReport({ orders, events, exposures, windowDays: 7, range: { start: T0 + 2 * DAY, end: T0 + 10 * DAY } });
    // A's latest shown event (day 2) and o1, o3; C (day 1) is out.
    expect(report.total.attributedOrders).toBe(2);
    expect(report.bySegment.map((r) => r.key)).toEqual(['champions', 'loyal']);
  });
});

describe('lifetime value by segment', () => {
  const now = new Date(T0);
  const assignment = (customerId: string, primary: string) => ({ customerId, primary }) as SegmentAssignment;
  const history: Order[] = [
    order('h1', 'c1', -400, [['P1', 1, 100]]),
    order('h2', 'c1', -10, [['P1', 2, 25]]),
    order('h3', 'c2', -100, [['P2', 3, 10]]),
    order('h4', 'erased-pseudonym', -5, [['P2', 1, 999]]),
  ];

  test('historic value, AOV, orders per year and the projection over 3 years', () => {
    const rows = lifetimeValueBySegment(history, [assignment('c1', 'champions'), assignment('c2', 'at_risk')], now, 3);
    expect(rows.map((r) => [r.segment, r.customers, r.orders, r.historicRevenue, r.averageOrderValue, r.ordersPerCustomerPerYear, r.projectedValue, r.lifetimeValue])).toEqual([
      ['at_risk', 1, 1, 30, 30, 1, 90, 120],
      ['champions', 1, 2, 150, 75, 1, 225, 375],
      ['all', 2, 3, 180, 60, 1, 180, 270],
    ]);
  });
});
