/**
 * Typed or spoken requests about one item of the last round, the words for what its card's buttons do:
 * "add the second one to my basket", "I'll take the first one", "how much is the last one?".
 */
import { numberWordsToDigits } from '../../language/entities/numbers';
import { isServiceQuestion } from '../outOfScope';

export type ItemRequest = 'add_to_basket' | 'price' | 'stock';

/** Where things are added to: in "add it to my basket" the word names no product, even in a shop that sells baskets. */
const CONTAINER_WORDS = /^(basket|cart|trolley|bag)s?$/;

/** The product words of an item request, without the basket it is put in. */
export function productWordsOf(request: ItemRequest, keywords: readonly string[]): string[] {
  return request === 'add_to_basket' ? keywords.filter((keyword) => !CONTAINER_WORDS.test(keyword)) : [...keywords];
}

const ADD_TO_BASKET = /\b(add|put|pop|stick)\b.*\b(basket|cart|trolley|bag)\b|^\s*(i'?ll|i will|let me|can i|could i) (take|have|buy|get) (it|that|this|that one|this one|the .+|one of the .+|\d+ of the .+)$|^\s*buy (it|that|this|that one|this one|the .+)$/i;
const STOCK = /\b(is|are) (it|that|this|those|these|they|the .+|that one|this one) (in stock|available|sold out|out of stock)\b|\b(do you|have you) (still )?(have|got) (it|that|this|those|these|the .+) in stock\b/i;
const PRICE = /\bhow much (is|are|does|do|for|would) (it|that|this|those|these|the .+|that one|this one)\b|\bwhat(?:'s| is) the (price|cost) of\b|\bprice of (the|that|this)\b/i;

/** What the message asks of a shown item, or null. Delivery and order costs are the team's (isServiceQuestion). */
export function itemRequestIn(text: string): ItemRequest | null {
  if (isServiceQuestion(text)) return null;
  if (ADD_TO_BASKET.test(text)) return 'add_to_basket';
  if (PRICE.test(text)) return 'price';
  if (STOCK.test(text)) return 'stock';
  return null;
}

const MAX_QUANTITY = 99;

/** "add two of the first one" -> 2; one unless a count is said before "of". */
export function quantityIn(text: string): number {
  const count = /\b(\d+)\s+(?:of\s+)?(?:the|those|these|them)\b/.exec(numberWordsToDigits(text));
  const quantity = count ? Number(count[1]) : 1;
  return Number.isInteger(quantity) && quantity >= 1 && quantity <= MAX_QUANTITY ? quantity : 1;
}
