/**
 * Last-touch attribution (pure). An order is attributed when the customer was shown, or opened, a suggestion of one
 * of the order's products within the window before the order (ATTRIBUTION_WINDOW_DAYS, default 7; a touch at the
 * order's own instant counts). The touch credited is the last such event (an "opened" wins a tie with a "shown").
 * Only the order lines whose product was suggested in the window count as attributed revenue: the rest of the
 * basket was not the bot's doing. Orders with no suggested product are not attributed at all.
 */
import type { Order, SuggestionEvent } from '../../domain/model';
import { orderTotal } from '../../domain/limits';

const DAY_MS = 86_400_000;

export interface AttributedOrder {
  orderId: string;
  customerId: string;
  at: string;
  /** The whole order's value. */
  orderTotal: number;
  /** The value of the lines whose product was suggested to the customer in the window. */
  attributedRevenue: number;
  matchedProductIds: string[];
  /** The last touch: the suggestion event credited with the order. */
  touch: SuggestionEvent;
}

/** Shown and opened events of identified customers, oldest first, by customer. */
export function touchesByCustomer(events: readonly SuggestionEvent[]): Map<string, SuggestionEvent[]> {
  const byCustomer = new Map<string, SuggestionEvent[]>();
  for (const event of events) {
    if (event.customerId === null || event.kind === 'dismissed') continue;
    const list = byCustomer.get(event.customerId);
    if (list) list.push(event);
    else byCustomer.set(event.customerId, [event]);
  }
  for (const list of byCustomer.values()) list.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return byCustomer;
}

export function attributeOrder(order: Order, touches: readonly SuggestionEvent[], windowDays: number): AttributedOrder | null {
  const orderAt = Date.parse(order.date);
  const products = new Set(order.lines.map((l) => l.productId));
  let last: SuggestionEvent | null = null;
  const matched = new Set<string>();
  for (const touch of touches) {
    const at = Date.parse(touch.at);
    if (at > orderAt || orderAt - at > windowDays * DAY_MS || !products.has(touch.productId)) continue;
    matched.add(touch.productId);
    const lastAt = last ? Date.parse(last.at) : -Infinity;
    if (at > lastAt || (at === lastAt && touch.kind === 'opened')) last = touch;
  }
  if (!last) return null;
  const attributedLines = order.lines.filter((l) => matched.has(l.productId));
  return {
    orderId: order.id, customerId: order.customerId, at: order.date, orderTotal: orderTotal(order.lines),
    attributedRevenue: orderTotal(attributedLines), matchedProductIds: [...matched].sort(), touch: last,
  };
}

export function attributeOrders(orders: readonly Order[], events: readonly SuggestionEvent[], windowDays: number): AttributedOrder[] {
  const touches = touchesByCustomer(events);
  const attributed: AttributedOrder[] = [];
  for (const order of orders) {
    const mine = touches.get(order.customerId);
    if (!mine) continue;
    const result = attributeOrder(order, mine, windowDays);
    if (result) attributed.push(result);
  }
  return attributed;
}
