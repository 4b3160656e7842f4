/** "the cheapest", "your most expensive": an order by price asked for, rather than a budget or our picks. */
import type { Entities } from '../types';
import { tokenize } from '../text/normalize';

type PriceOrder = NonNullable<Entities['priceOrder']>;

const ORDERS: ReadonlyArray<[PriceOrder, RegExp]> = [
  ['lowest', /\b(?:cheapest|least expensive|lowest priced?|lowest cost|most affordable)\b/],
  ['highest', /\b(?:most expensive|priciest|dearest|highest priced?|most luxurious|poshest|fanciest)\b/],
];

/** @param text the utterance as typed: the spelling corrector knows "cheaper" and would read "cheapest" as it */
export function extractPriceOrder(text: string): PriceOrder | undefined {
  const words = tokenize(text).join(' ');
  return ORDERS.find(([, pattern]) => pattern.test(words))?.[0];
}
