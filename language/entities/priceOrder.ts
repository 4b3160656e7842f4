/** "the cheapest", "your most expensive": an order by price asked for, rather than a budget or our picks. */
import type { Entities } from '../types';

type PriceOrder = NonNullable<Entities['priceOrder']>;

const ORDERS: ReadonlyArray<[PriceOrder, RegExp]> = [
  ['lowest', /\b(?:cheapest|least expensive|lowest priced?|lowest cost|most affordable)\b/],
  ['highest', /\b(?:most expensive|priciest|dearest|highest priced?|most luxurious|poshest|fanciest)\b/],
];

/** @param words the utterance as corrected tokens joined by single spaces */
export function extractPriceOrder(words: string): PriceOrder | undefined {
  return ORDERS.find(([, pattern]) => pattern.test(words))?.[0];
}
