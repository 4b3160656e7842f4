/**
 * Attribution figures by segment, campaign and variant (pure).
 * - touched conversations: conversations of identified customers in which suggestions were shown (in range);
 * - converted: those that are the last touch of at least one attributed order; conversion rate = converted / touched,
 *   with its 95 % Wilson interval;
 * - attributed orders and revenue (suggested lines only), average order value = mean whole-order total of them.
 * A conversation is grouped by its latest "shown" event: segment = that event's segment snapshot (primary), campaign =
 * its campaignId (when campaigns record one; "none" otherwise), variant = the experiment variant the conversation
 * was exposed to ("none" when it took part in no experiment). An order is grouped by its last touch the same way.
 */
import type { Exposure } from '../../domain/experiments';
import type { Order, SuggestionEvent } from '../../domain/model';
import { proportion, type ProportionEstimate } from '../experiments/stats';
import { attributeOrders, type AttributedOrder } from './attribution';

export type Dimension = 'segment' | 'campaign' | 'variant';
export const DIMENSIONS: readonly Dimension[] = ['segment', 'campaign', 'variant'];
export const NONE = 'none';
export const ALL = 'all';

export interface AttributionRow {
  key: string;
  touchedConversations: number;
  convertedConversations: number;
  conversionRate: ProportionEstimate;
  attributedOrders: number;
  attributedRevenue: number;
  averageOrderValue: number | null;
}

export interface AttributionReport {
  windowDays: number;
  bySegment: AttributionRow[];
  byCampaign: AttributionRow[];
  byVariant: AttributionRow[];
  total: AttributionRow;
  orders: AttributedOrder[];
}

export interface AttributionInput {
  orders: readonly Order[];
  events: readonly SuggestionEvent[];
  exposures: readonly Exposure[];
  windowDays: number;
  /** Epoch ms, start inclusive and end exclusive: orders by date, conversations by their latest shown event. */
  range?: { start: number; end: number };
}

/** A campaign id recorded on the event (campaigns may add the field; absent here means no campaign). */
export function campaignOf(event: SuggestionEvent): string {
  const value: unknown = (event as SuggestionEvent & { campaignId?: unknown }).campaignId;
  return typeof value === 'string' && value ? value : NONE;
}

interface Tally { touched: Set<string>; converted: Set<string>; orders: number; revenue: number; orderValue: number }

export function attributionReport(input: AttributionInput): AttributionReport {
  const inRange = (iso: string) => !input.range || (Date.parse(iso) >= input.range.start && Date.parse(iso) < input.range.end);
  const variantOf = new Map(input.exposures.map((x) => [x.conversationId, `${x.experimentId}/${x.variantId}`]));
  const keyOf = (event: SuggestionEvent, dimension: Dimension): string => {
    if (dimension === 'segment') return event.segment?.primary ?? NONE;
    if (dimension === 'campaign') return campaignOf(event);
    return variantOf.get(event.conversationId) ?? NONE;
  };
  const tallies = new Map<string, Tally>();
  const tally = (dimension: Dimension | typeof ALL, key: string): Tally => {
    const id = `${dimension}\u0000${key}`;
    let t = tallies.get(id);
    if (!t) tallies.set(id, t = { touched: new Set(), converted: new Set(), orders: 0, revenue: 0, orderValue: 0 });
    return t;
  };
  const each = (event: SuggestionEvent, apply: (t: Tally) => void) => {
    apply(tally(ALL, ALL));
    for (const d of DIMENSIONS) apply(tally(d, keyOf(event, d)));
  };

  const latestShown = new Map<string, SuggestionEvent>();
  for (const e of input.events) {
    if (e.kind !== 'shown' || e.customerId === null) continue;
    const seen = latestShown.get(e.conversationId);
    if (!seen || Date.parse(e.at) >= Date.parse(seen.at)) latestShown.set(e.conversationId, e);
  }
  for (const [conversationId, e] of latestShown) if (inRange(e.at)) each(e, (t) => t.touched.add(conversationId));

  const attributed = attributeOrders(input.orders.filter((o) => inRange(o.date)), input.events, input.windowDays);
  for (const order of attributed) {
    const grouping = latestShown.get(order.touch.conversationId) ?? order.touch;
    each(grouping, (t) => {
      t.orders += 1;
      t.revenue += order.attributedRevenue;
      t.orderValue += order.orderTotal;
      t.converted.add(order.touch.conversationId);
      // A conversion always counts among the touched, even when its round was before the range.
      t.touched.add(order.touch.conversationId);
    });
  }
  const rows = (dimension: Dimension) => [...tallies.entries()]
    .filter(([id]) => id.startsWith(`${dimension}\u0000`))
    .map(([id, t]) => toRow(id.slice(dimension.length + 1), t))
    .sort((a, b) => a.key.localeCompare(b.key));
  return {
    windowDays: input.windowDays,
    bySegment: rows('segment'), byCampaign: rows('campaign'), byVariant: rows('variant'),
    total: toRow(ALL, tallies.get(`${ALL}\u0000${ALL}`) ?? { touched: new Set(), converted: new Set(), orders: 0, revenue: 0, orderValue: 0 }),
    orders: attributed,
  };
}

const money = (n: number) => Math.round(n * 100) / 100;

function toRow(key: string, t: Tally): AttributionRow {
  return {
    key,
    touchedConversations: t.touched.size,
    convertedConversations: t.converted.size,
    conversionRate: proportion(t.converted.size, t.touched.size),
    attributedOrders: t.orders,
    attributedRevenue: money(t.revenue),
    averageOrderValue: t.orders ? money(t.orderValue / t.orders) : null,
  };
}
