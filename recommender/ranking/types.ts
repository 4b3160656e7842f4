/** Plain-data inputs of a recommendation and the weights that blend its signals. */
import type { Persona, Preferences } from '../../domain/model';
import type { ReasonKind } from '../../domain/suggestions';
import type { SameRangeParameters } from './sameRange';
import type { SimilarCustomerParameters } from './similarCustomers';

export type PersonaStrategy = Persona['strategy'];

export interface RecommendationContext {
  /** null for guests. */
  customerId: string | null;
  /** False for guests and for customers who opted out of personalisation: then no history, segment, country or preference is used. */
  personalized: boolean;
  segmentLabel?: string;
  strategy?: PersonaStrategy;
  country?: string;
  preferences?: Preferences;
  /** Products the customer said "not interested" to: never suggested, and their close neighbours are demoted. */
  dismissed: readonly string[];
  /** Epoch milliseconds the request is scored at; defaults to the latest order in the index. */
  now?: number;
}

/**
 * What scores a candidate: each signal is a reason kind, so the reason always names the signal that ranked the item;
 * three have their own text under a close kind: 'goes_with' (the EASE item-item model) as 'co_purchase',
 * 'same_range' (shares the rarer words of its name with a bought item) as 'similar_to', and 'repeat_momentum'
 * (a bought item selling faster than usual) as 'repeat'.
 */
export type Signal = ReasonKind | 'goes_with' | 'same_range' | 'repeat_momentum' | 'repeat_recent' | 'repeat_shared' | 'single_unit';

/** Weight of each signal in the blend (every signal is first scaled to 0..1). */
export type SignalWeights = Record<Signal, number>;

export interface ScoringParameters {
  weights: SignalWeights;
  /** Use the weights the index learnt from the shop's recent weeks (when it has them) in place of `weights` for those signals. */
  learnt: boolean;
  /** Repeat strength = orders^frequencyExponent * repeatRate^repeatRateExponent * exp(-age / repeatTauDays). */
  frequencyExponent: number;
  repeatRateExponent: number;
  repeatTauDays: number;
  /** Recency decay of a history item's weight as a co-purchase source (recent tastes predict better). */
  sourceTauDays: number;
  /** How many of the customer's strongest history items feed co-purchase candidates. */
  historySources: number;
  /** Exponent applied to a history item's strength when it feeds co-purchase. */
  sourceExponent: number;
  /** Share of the long-memory co-purchase graph in the co-purchase signal (0..1; used when the index has one). */
  longMemoryShare: number;
  /** goes_with (EASE): a bought item's source weight is its history strength (sourceTauDays) when true, else 1. */
  easeWeightedSources: boolean;
  /** goes_with candidates kept per request. */
  easeCandidates: number;
  /**
   * repeat_recent: the customer's own items by how many of their baskets hold them, baskets in groups of `groupSize`
   * counted back from the latest, each older group weighing `groupDecay` times the next (TIFU-KNN's own vector).
   */
  recentRepeat: { groupSize: number; groupDecay: number };
  /** The same_range (name words) signal. */
  sameRange: SameRangeParameters;
  /** Neighbourhood of the similar_customers signal. */
  similarCustomers: SimilarCustomerParameters;
  /** Co-purchase candidates kept per request (the strongest sums). */
  coPurchaseCandidates: number;
  /** Candidates taken from each popularity list. */
  popularCandidates: number;
  /** Products listed within this many days count as new arrivals. */
  newArrivalDays: number;
  /** Score multiplier floor for the close neighbours of a dismissed product (0.5: halved at most). */
  dismissedNeighbourDemotion: number;
}

export const SIGNALS: readonly Signal[] = [
  'repeat', 'co_purchase', 'similar_to', 'segment_popular', 'country_popular',
  'preference', 'persona', 'popular', 'trending', 'new_arrival', 'request', 'similar_customers', 'goes_with',
  'same_range', 'repeat_momentum', 'repeat_recent', 'repeat_shared', 'single_unit',
];

/**
 * Chosen on the validation cut inside the training period (see recommender/eval/README.md); the bot and the
 * offline evaluation use the same values. Weights the real data cannot measure (similar_to, preference, persona,
 * request) are product choices, kept small enough that the measured signals still order the list.
 */
export const DEFAULT_SCORING: ScoringParameters = {
  weights: {
    repeat: 1, co_purchase: 0.45, similar_to: 1, segment_popular: 0.02, country_popular: 0.02,
    preference: 0.15, persona: 0.1, popular: 0.02, trending: 0.1, new_arrival: 0.3, request: 0.2,
    similar_customers: 0.2, goes_with: 0.07, same_range: 0.1, repeat_momentum: 0.4, repeat_recent: 0, repeat_shared: 0,
    // Gift requests only; its weight there is the strongest weight in play (scoring.ts), this one is unused.
    single_unit: 0,
  },
  learnt: true,
  easeWeightedSources: false,
  easeCandidates: 50,
  recentRepeat: { groupSize: 3, groupDecay: 0.6 },
  sameRange: { words: 20, maxItemShare: 0.05, candidates: 100 },
  frequencyExponent: 0.5,
  repeatRateExponent: 0.5,
  repeatTauDays: Number.POSITIVE_INFINITY,
  sourceTauDays: 60,
  historySources: 60,
  sourceExponent: 1,
  longMemoryShare: 0,
  similarCustomers: { neighbours: 50, buyersPerItem: 100, shrink: 2, candidates: 100, popularityExponent: 0.5 },
  coPurchaseCandidates: 300,
  popularCandidates: 50,
  newArrivalDays: 60,
  dismissedNeighbourDemotion: 0.5,
};
