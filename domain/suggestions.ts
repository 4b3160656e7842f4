/** What a conversation asks of the recommender and what it gets back (plain data, no I/O). */
import type { Product } from './model';

/** Who a present is for, when the shopper gave an age or a clear word: only goods made for them are suggested. */
export type Audience = 'baby' | 'child';
/** "The cheapest", "the most expensive": matching items by price instead of our picks. */
export type PriceOrder = 'lowest' | 'highest';

export interface SuggestionRequest {
  /** null for guests. */
  customerId: string | null;
  categories?: string[];
  keywords?: string[];
  /** Colours asked for: an item must be in one of them (by its name or tags). */
  colours?: string[];
  budget?: { min?: number; max?: number };
  occasion?: string;
  /** A present for a child or a baby: only items made for them (by the catalogue's own words) are suggested. */
  audience?: Audience;
  /** "the cheapest", "the most expensive": every matching item by price instead of our picks. */
  priceOrder?: PriceOrder;
  /** "more like X": a product id. */
  similarTo?: string;
  /** Products not to show again in this request ("not this one", items already shown). */
  exclude?: string[];
  limit?: number;
}

/** The signal that actually ranked an item; the reason text names it and nothing else. */
export type ReasonKind =
  | 'repeat' | 'co_purchase' | 'similar_to' | 'segment_popular' | 'country_popular'
  | 'preference' | 'persona' | 'popular' | 'trending' | 'new_arrival' | 'request'
  /** Bought by the customers whose baskets are most like this customer's. */
  | 'similar_customers';

export interface SuggestionReason {
  kind: ReasonKind;
  /** Plain words for the shopper, e.g. "Often bought with the White Hanging Heart T-Light Holder". */
  text: string;
}

export interface Suggestion {
  product: Product;
  score: number;
  reason: SuggestionReason;
}

export interface SuggestionResult {
  items: Suggestion[];
  /** False for guests and for customers who opted out of personalisation. */
  personalized: boolean;
}
