/**
 * Plain-words reasons. Each text states only the signal that contributed most to the item's score and the data
 * behind it (counts, the co-purchased item, the group), so a reason is never invented.
 */
import { categoryLabel } from '../../domain/categories';
import type { Product } from '../../domain/model';
import type { ReasonKind, SuggestionReason } from '../../domain/suggestions';
import { preferenceMatch } from './preferenceFit';
import type { GiftQuery } from './giftDemand';
import type { RecommenderIndex } from './recommenderIndex';
import type { RecommendationContext, Signal } from './types';

export interface ReasonFacts {
  /** The signal that contributed most. */
  kind: Signal;
  product: Product;
  /** The bought item behind the top signal, for the signals that have one (co_purchase, goes_with, same_range); -1: none. */
  source: number;
  similarTo?: number;
  /** The request's gift signal, whose facts the gift reason states. */
  gift?: GiftQuery;
}

/**
 * Customer-facing words for the RFM groups. Labels about churn risk ("at_risk", "hibernating", "cant_lose") are for
 * staff and never shown to a shopper, so every group without a kind name reads "customers who shop like you".
 */
const GROUP_WORDS: Readonly<Record<string, string>> = {
  champions: 'our most regular customers',
  loyal_customers: 'our loyal customers',
  new_customers: 'other new customers',
};

function nameOf(index: RecommenderIndex, item: number | undefined): string {
  if (item === undefined || item < 0) return 'what you bought';
  return index.catalog.product(item)?.name ?? 'what you bought';
}

/** Signals without a reason kind of their own and the close kind they are reported as (each has its own text below). */
const REPORTED_AS: Readonly<Partial<Record<Signal, ReasonKind>>> = { goes_with: 'co_purchase', same_range: 'similar_to', repeat_momentum: 'repeat', repeat_recent: 'repeat', repeat_shared: 'repeat', single_unit: 'request' };

/** The reason kind a signal is reported as. */
export function reasonKindOf(signal: Signal): ReasonKind {
  return REPORTED_AS[signal] ?? (signal as ReasonKind);
}

export function reasonFor(index: RecommenderIndex, context: RecommendationContext, facts: ReasonFacts): SuggestionReason {
  const { kind, product } = facts;
  if (kind === 'similar_customers') return { kind, text: 'Popular with customers who buy what you buy' };
  // A link learnt from everyone's purchases to an item the customer bought: the co-purchase kind, its own words.
  if (kind === 'goes_with') return { kind: reasonKindOf(kind), text: `Goes well with ${nameOf(index, facts.source)}` };
  // Shares the rarer words of its name (a design, a pattern, a series) with something the customer bought.
  if (kind === 'same_range') return { kind: reasonKindOf(kind), text: `From the same range as ${nameOf(index, facts.source)}` };
  // Their own item, selling faster than usual right now: the repeat kind, with the reason it ranks higher today.
  if (kind === 'repeat_momentum') return { kind: reasonKindOf(kind), text: "You bought this before, and it's selling fast right now" };
  // Their own item, ranked by how often their recent baskets held it: the repeat kind and its words.
  // A present was asked for and customers buy this one on its own: the request kind, saying what the orders show.
  if (kind === 'single_unit') {
    const item = index.catalog.indexOf(product.id);
    return { kind: 'request', text: facts.gift && item !== undefined ? facts.gift.reason(item) : 'Often bought on its own, as presents are' };
  }
  if (kind === 'repeat_recent' || kind === 'repeat_shared') return { kind: 'repeat', text: reasonText(index, context, { ...facts, kind: 'repeat' }) ?? 'You bought this before' };
  const text = reasonText(index, context, { ...facts, kind });
  return { kind, text: text ?? `Picked for you from ${categoryLabel(product.category)}` };
}

function reasonText(index: RecommenderIndex, context: RecommendationContext, facts: ReasonFacts & { kind: ReasonKind }): string | undefined {
  const { kind, product } = facts;
  switch (kind) {
    case 'repeat': {
      const item = index.catalog.indexOf(product.id);
      const orders = context.customerId && item !== undefined ? index.history(context.customerId)?.items.get(item)?.orders ?? 0 : 0;
      return orders >= 2 ? `You've bought this ${orders} times` : 'You bought this before';
    }
    case 'co_purchase':
      return `Often bought with ${nameOf(index, facts.source)}`;
    case 'similar_to':
      return `Often bought by shoppers who chose ${nameOf(index, facts.similarTo)}`;
    case 'segment_popular':
      return `Popular with ${GROUP_WORDS[context.segmentLabel ?? ''] ?? 'customers who shop like you'}`;
    case 'country_popular':
      return `Popular with customers in ${context.country ?? 'your country'}`;
    case 'preference': {
      const match = context.preferences ? preferenceMatch(context.preferences, product, index.catalog) : null;
      if (match?.aspect === 'category') return `Matches your interest in ${categoryLabel(match.category)}`;
      if (match?.aspect === 'value') return `Matches your preference for ${match.tag}`;
      if (match?.aspect === 'price_band') return `In your preferred ${match.band} price range`;
      return undefined;
    }
    case 'persona':
      return context.strategy === 'value'
        ? `Good value in ${categoryLabel(product.category)}`
        : `A premium pick in ${categoryLabel(product.category)}, a range you buy from`;
    case 'popular':
      return context.personalized ? 'A bestseller' : 'Popular with shoppers overall';
    case 'trending':
      return context.personalized ? 'Popular right now' : 'Popular right now with shoppers overall';
    case 'new_arrival':
      return 'New in';
    case 'request':
      return 'Matches what you asked for';
  }
}
