/**
 * "Sells as a present near this budget", learnt from the orders, in two parts:
 *  - score: how many orders hold the item as a single unit (bought one at a time, not by the dozen), as a share of the
 *    best in the budget: the gift signal;
 *  - fit: how close its price sits to the budget's top, which scales every signal of a gift request (a shopper's own
 *    habit of buying £0.85 tea lights by the box says little about a £20 present for someone else).
 * Closeness is the share of the money spent on single-unit purchases within the budget that went to items no dearer
 * than this one (giftPrices.ts), not a price rule: under a £20 ceiling, in the seed shop, a £12.75 cake stand scores
 * about 0.8 and a £0.85 tea light 0.01. Without a ceiling, full closeness starts at the price that splits single-unit
 * spend in half (the typical price money goes on here). A stated range ("around £15") is itself the target: every
 * price in it counts as close.
 */
import type { RecommenderIndex } from './recommenderIndex';
import { singlePurchasePrices, type SinglePurchasePrices } from './giftPrices';
import { selectTop } from './selectTop';

export interface GiftBudget {
  min?: number;
  max?: number;
}

export interface GiftQuery {
  /** 0..1 (1: the item bought singly most often within the budget): what the gift signal adds, times its weight. */
  score(item: number): number;
  /** 0..1: closeness of the item's price to the budget, the factor on the item's whole score. */
  fit(item: number): number;
  /** Candidates by score x fit, best first. */
  readonly top: readonly number[];
  /** Plain words for an item ranked by the gift signal, stating only what the orders show. */
  reason(item: number): string;
}

/** Candidates the gift signal enters (enough for the deepest ranking a request reads). */
const GIFT_CANDIDATES = 200;

/** Closeness of a price to the budget, 0..1, as a share of single-unit purchases (see the file comment). */
export function budgetCloseness(prices: SinglePurchasePrices, budget: GiftBudget): (price: number) => number {
  const min = budget.min ?? 0;
  if (budget.max !== undefined && min > 0) return () => 1;
  const floor = prices.spendBelow(min);
  const top = budget.max !== undefined ? prices.spendAtMost(budget.max) : prices.totalSpend;
  // With a ceiling the target is the ceiling itself; without one, the spend median.
  const target = budget.max !== undefined ? top - floor : (top - floor) / 2;
  return target > 0 ? (price) => Math.min(1, (prices.spendAtMost(price) - floor) / target) : () => 1;
}

/**
 * The gift signal for one request. `recipientMatches` (items naming who the present is for, "mum") raise an item's
 * score in proportion to the match, so they lead only where the orders already show them selling singly near the budget.
 */
export function giftQuery(index: RecommenderIndex, budget: GiftBudget = {}, recipientMatches?: ReadonlyMap<number, number>): GiftQuery {
  const prices = singlePurchasePrices(index);
  const closeness = budgetCloseness(prices, budget);
  const min = budget.min ?? 0;
  const max = budget.max ?? Number.POSITIVE_INFINITY;
  const demand = new Map<number, number>();
  let best = 0;
  for (const item of index.singleUnit.top()) {
    const product = index.catalog.product(item);
    if (!product?.inStock || product.price < min || product.price > max) continue;
    const value = index.singleUnit.get(item) * (1 + (recipientMatches?.get(item) ?? 0));
    demand.set(item, value);
    if (value > best) best = value;
  }
  const score = (item: number): number => (best > 0 ? (demand.get(item) ?? 0) / best : 0);
  const fit = (item: number): number => {
    const price = index.catalog.product(item)?.price;
    return price === undefined || price < min || price > max ? 0 : closeness(price);
  };
  const overall = (item: number): number => score(item) * fit(item);
  const better = (a: number, b: number): boolean => overall(a) > overall(b) || (overall(a) === overall(b) && a < b);
  return {
    score,
    fit,
    top: selectTop([...demand.keys()].filter((item) => overall(item) > 0), GIFT_CANDIDATES, better),
    reason: (item) => giftReason(index, prices, budget, item),
  };
}

function giftReason(index: RecommenderIndex, prices: SinglePurchasePrices, budget: GiftBudget, item: number): string {
  const count = index.singleUnit.get(item);
  const product = index.catalog.product(item);
  const bought = `Bought on its own in ${count === 1 ? 'one order' : `${count} orders`}`;
  if (!product) return `${bought}, as presents often are`;
  const money = (value: number): string => formatMoney(value, product.currency);
  if (budget.max !== undefined && budget.min !== undefined && budget.min > 0) {
    return `${bought}, and within your ${money(budget.min)} to ${money(budget.max)} budget`;
  }
  if (budget.max !== undefined) {
    // "Dearer than most" is said only when it is true: over half the single-unit purchases within the budget cost less.
    const within = prices.atMost(budget.max);
    if (within > 0 && prices.below(product.price) / within > 0.5) return `${bought}, and dearer than most single buys under ${money(budget.max)}`;
  }
  return `${bought}, as presents often are`;
}

function formatMoney(value: number, currency: string | undefined): string {
  const digits = Number.isInteger(value) ? 0 : 2;
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency: currency ?? 'GBP', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  } catch {
    return value.toFixed(digits);
  }
}
