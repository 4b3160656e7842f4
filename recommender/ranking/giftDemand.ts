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
  const demandOf = (item: number): number => index.singleUnit.get(item) * (1 + (recipientMatches?.get(item) ?? 0));
  const ranked = recipientMatches
    ? rankCandidates(index, prices, { min, max, closeness, demandOf })
    : memoised(index, `${min}:${max}`, () => rankCandidates(index, prices, { min, max, closeness, demandOf }));
  const inBudget = (item: number): boolean => {
    const product = index.catalog.product(item);
    return product !== null && product.inStock && product.price >= min && product.price <= max;
  };
  return {
    score: (item) => (ranked.best > 0 && inBudget(item) ? demandOf(item) / ranked.best : 0),
    fit: (item) => (inBudget(item) ? closeness(index.catalog.product(item)?.price ?? 0) : 0),
    top: ranked.top,
    reason: (item) => giftReason(index, prices, budget, item),
  };
}

interface Ranked { top: readonly number[]; best: number }

interface RankInputs {
  min: number;
  max: number;
  closeness: (price: number) => number;
  demandOf: (item: number) => number;
}

/** One pass over the items bought singly within the budget, each value computed once (a comparator must not recompute them). */
function rankCandidates(index: RecommenderIndex, prices: SinglePurchasePrices, inputs: RankInputs): Ranked {
  const candidates: number[] = [];
  const weights: number[] = [];
  let best = 0;
  let previous = { price: Number.NaN, closeness: 0 };
  prices.forEachItemWithin(inputs.min, inputs.max, (item, price) => {
    if (!index.catalog.product(item)?.inStock) return;
    const value = inputs.demandOf(item);
    if (value <= 0) return;
    // Items come cheapest first and many share a price: the closeness of a price is looked up once.
    if (price !== previous.price) previous = { price, closeness: inputs.closeness(price) };
    const weighted = value * previous.closeness;
    if (weighted > 0) {
      candidates.push(item);
      weights.push(weighted);
    }
    if (value > best) best = value;
  });
  // Ranked by position in the arrays, so the comparator reads numbers, not maps; dearest first, as closeness grows
  // with price, so most later items lose to the heap's root at once.
  const better = (a: number, b: number): boolean => weights[a] > weights[b] || (weights[a] === weights[b] && candidates[a] < candidates[b]);
  const positions = selectTop(Array.from(candidates, (_, k) => candidates.length - 1 - k), GIFT_CANDIDATES, better);
  return { top: positions.map((position) => candidates[position]), best };
}

/** Budgets asked for recently, per index, valid for one index revision (shoppers repeat "under £20" a lot). */
const MEMO_BUDGETS = 16;
const memo = new WeakMap<RecommenderIndex, { revision: number; byBudget: Map<string, Ranked> }>();

function memoised(index: RecommenderIndex, key: string, compute: () => Ranked): Ranked {
  let entry = memo.get(index);
  if (entry?.revision !== index.revision) {
    entry = { revision: index.revision, byBudget: new Map() };
    memo.set(index, entry);
  }
  const hit = entry.byBudget.get(key);
  if (hit) return hit;
  const ranked = compute();
  if (entry.byBudget.size >= MEMO_BUDGETS) entry.byBudget.delete(entry.byBudget.keys().next().value ?? '');
  entry.byBudget.set(key, ranked);
  return ranked;
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

/** Formatters by currency and digits: building an Intl.NumberFormat costs far more than using one. */
const formatters = new Map<string, Intl.NumberFormat | null>();

function formatMoney(value: number, currency: string | undefined): string {
  const digits = Number.isInteger(value) ? 0 : 2;
  const key = `${currency ?? 'GBP'}/${digits}`;
  if (!formatters.has(key)) {
    try {
      formatters.set(key, new Intl.NumberFormat('en-GB', { style: 'currency', currency: currency ?? 'GBP', minimumFractionDigits: digits, maximumFractionDigits: digits }));
    } catch {
      formatters.set(key, null);
    }
  }
  return formatters.get(key)?.format(value) ?? value.toFixed(digits);
}
