/**
 * The one scoring function: gathers candidates from every signal the context allows, scores each signal on
 * 0..weight and sums them. `recommend` (the bot) and the offline evaluation both call this, so what is
 * measured is what is served.
 */
import { CandidateBoard } from './candidateBoard';
import { decayByAge, DAY_MS } from './decay';
import { addCoPurchaseSignal, addRecentRepeatSignal, addGoesWithSignal, addRepeatMomentumSignal, addRepeatSignal, addSimilarCustomersSignal, addSimilarToSignal, historyStrengths } from './historySignals';
import type { PopularityCounter } from './popularity';
import { preferenceMatch } from './preferenceFit';
import { addSameRangeSignal } from './sameRange';
import type { GiftQuery } from './giftDemand';
import { selectTop } from './selectTop';
import type { RecommenderIndex } from './recommenderIndex';
import { personaFit, weightsFor } from './strategy';
import { DEFAULT_SCORING, type RecommendationContext, type ScoringParameters, type SignalWeights } from './types';

export interface ScoringQuery {
  /** Business rules, request constraints and exclusions: an item failing it is never a candidate. */
  allowed: (item: number) => boolean;
  /** "More like X": the anchor item. */
  similarTo?: number;
  /** Items matching the explicit request (category / keywords) with a 0..1 match strength. */
  requested?: ReadonlyMap<number, number>;
  /** How many of the best candidates to rank (default: all). */
  depth?: number;
  /** A present was asked for: what sells singly near the budget (giftDemand.ts) enters and scores as the request's match. */
  gift?: GiftQuery;
}

export interface ScoredCandidates {
  board: CandidateBoard;
  /** The best `depth` board rows, best first (ties by product id). */
  ranked: number[];
  totals: Float64Array;
}

export function scoreItems(
  index: RecommenderIndex, context: RecommendationContext, query: ScoringQuery, params: ScoringParameters = DEFAULT_SCORING,
): ScoredCandidates {
  const board = new CandidateBoard(index.candidateRows());
  // Co-purchase lists name the same item many times: evaluate the business rules once per item.
  const { stamps, verdicts, stamp } = verdictCache(index.catalog.size);
  const allowed = (item: number): boolean => {
    if (stamps[item] !== stamp) {
      stamps[item] = stamp;
      verdicts[item] = query.allowed(item) ? 1 : 0;
    }
    return verdicts[item] === 1;
  };
  try {
    return scoreInto(board, index, context, { ...query, allowed }, params);
  } finally {
    board.release();
  }
}

/**
 * One verdict per item and request without clearing an array per request: a verdict counts only when its stamp is the
 * request's. Each call takes a new stamp, so a scoring nested in another (none today) would only make the outer one
 * ask the rules again.
 */
const verdictState = { stamps: new Int32Array(0), verdicts: new Uint8Array(0), stamp: 0 };

function verdictCache(size: number): { stamps: Int32Array; verdicts: Uint8Array; stamp: number } {
  const state = verdictState;
  if (state.stamps.length < size || state.stamp === 0x7fffffff) {
    state.stamps = new Int32Array(Math.max(size, state.stamps.length));
    state.verdicts = new Uint8Array(state.stamps.length);
    state.stamp = 0;
  }
  state.stamp++;
  return { stamps: state.stamps, verdicts: state.verdicts, stamp: state.stamp };
}

function scoreInto(
  board: CandidateBoard, index: RecommenderIndex, context: RecommendationContext, query: ScoringQuery, params: ScoringParameters,
): ScoredCandidates {
  const now = context.now ?? (Number.isFinite(index.latestTime) ? index.latestTime : 0);
  const history = context.personalized && context.customerId !== null ? index.history(context.customerId) : undefined;
  const personal = context.personalized;
  const base = params.learnt && index.learntBlend ? { ...params.weights, ...index.learntBlend.weights } : params.weights;
  const weights = weightsFor(base, personal ? context.strategy : undefined);
  const { allowed } = query;
  const boughtCategories = new Set<string>();

  if (history) {
    const rateExponent = params.repeatRateExponent;
    const repeatRate = rateExponent > 0 ? (item: number): number => Math.pow(index.repeatRates.rate(item), rateExponent) : undefined;
    const strengths = historyStrengths(history, now, params.frequencyExponent, params.repeatTauDays, repeatRate);
    addRepeatSignal(board, strengths, weights, allowed);
    if (weights.repeat_recent > 0) addRecentRepeatSignal(board, history, params.recentRepeat, weights.repeat_recent, allowed);
    const momentum = weights.repeat_momentum > 0 ? index.momentum() : null;
    if (momentum) addRepeatMomentumSignal(board, strengths, momentum, weights.repeat_momentum, allowed);
    // The customer's strongest items (by recent purchases) feed co-purchase, goes_with and same_range.
    const sources = historyStrengths(history, now, params.frequencyExponent, params.sourceTauDays).slice(0, params.historySources);
    addCoPurchaseSignal(board, index, sources, params, weights, allowed);
    // "More like X" ranks around the anchor: it keeps its previous signals (and latency) without these two.
    if (query.similarTo === undefined) {
      if (weights.goes_with > 0) addGoesWithSignal(board, index, sources, params, weights.goes_with, allowed);
      if (weights.same_range > 0) addSameRangeSignal(board, index, history, sources, params.sameRange, weights.same_range, allowed);
    }
    if ((weights.similar_customers > 0 || weights.repeat_shared > 0) && context.customerId !== null) {
      addSimilarCustomersSignal(board, index, context.customerId, params, weights, allowed);
    }
    for (const { item } of strengths) {
      const category = index.catalog.product(item)?.category;
      if (category) boughtCategories.add(category);
    }
  }
  if (query.similarTo !== undefined) addSimilarToSignal(board, index, query.similarTo, weights, allowed);
  const take = params.popularCandidates;
  enterTop(board, index.trend.top(), take, allowed);
  enterTop(board, index.popularity.top(), take, allowed);
  if (personal) {
    enterTop(board, index.segmentPopularity.group(context.segmentLabel)?.top() ?? [], take, allowed);
    enterTop(board, index.countryPopularity.group(context.country)?.top() ?? [], take, allowed);
    enterTop(board, index.catalog.newest(), take, allowed);
    for (const category of context.preferences?.categories ?? []) {
      enterTop(board, topByTrend(index, index.catalog.itemsInCategory(category), take, allowed), take, allowed);
    }
  }
  if (query.requested) enterTop(board, topByTrend(index, [...query.requested.keys()], take, allowed), take, allowed);
  if (query.gift) enterTop(board, query.gift.top, take, allowed);

  addLookupSignals(board, index, context, query, weights, { now, params, boughtCategories });
  return rank(board, index, context, params, query.depth ?? board.items.length, query.gift);
}

function enterTop(board: CandidateBoard, list: readonly number[], take: number, allowed: (item: number) => boolean): void {
  let taken = 0;
  for (let k = 0; k < list.length && taken < take; k++) {
    if (!allowed(list[k])) continue;
    board.enter(list[k]);
    taken++;
  }
}

function topByTrend(index: RecommenderIndex, items: readonly number[], take: number, allowed: (item: number) => boolean): number[] {
  const trend = index.trend;
  return selectTop(items.filter(allowed), take, (a, b) => trend.get(a) > trend.get(b) || (trend.get(a) === trend.get(b) && a < b));
}

interface LookupState {
  now: number;
  params: ScoringParameters;
  boughtCategories: ReadonlySet<string>;
}

/** Signals read per candidate in O(1): popularity, trend, group popularity, preferences, persona, newness, request match. */
function addLookupSignals(
  board: CandidateBoard, index: RecommenderIndex, context: RecommendationContext, query: ScoringQuery,
  weights: SignalWeights, state: LookupState,
): void {
  const personal = context.personalized;
  const shares: [ShareKind, number, PopularityCounter | undefined][] = [
    ['trending', weights.trending, index.trend],
    ['popular', weights.popular, index.popularity],
    ['segment_popular', weights.segment_popular, personal ? index.segmentPopularity.group(context.segmentLabel) : undefined],
    ['country_popular', weights.country_popular, personal ? index.countryPopularity.group(context.country) : undefined],
  ];
  for (const [kind, weight, counter] of shares) {
    const max = counter?.max ?? 0;
    if (!counter || weight <= 0 || max <= 0) continue;
    for (let row = 0; row < board.items.length; row++) board.addAt(row, kind, (weight * counter.get(board.items[row])) / max);
  }
  // A present was asked for: selling singly near the budget (0..1, learnt from the orders) counts as much as the
  // strongest signal in play (it is what the shopper asked for).
  const gift = query.gift;
  const giftWeight = gift ? Math.max(...Object.values(weights)) : 0;
  const newWindowMs = state.params.newArrivalDays * DAY_MS;
  const catalog = index.catalog;
  for (let row = 0; row < board.items.length; row++) {
    const item = board.items[row];
    const match = query.requested?.get(item);
    if (match) board.addAt(row, 'request', weights.request * match);
    if (gift && giftWeight > 0) board.addAt(row, 'single_unit', giftWeight * gift.score(item));
    if (!personal) continue;
    const age = state.now - catalog.addedTime(item);
    if (age >= 0 && age <= newWindowMs) board.addAt(row, 'new_arrival', weights.new_arrival * decayByAge(age, state.params.newArrivalDays));
    if (!context.preferences && weights.persona <= 0) continue;
    const product = catalog.product(item);
    if (!product) continue;
    const fit = context.preferences ? preferenceMatch(context.preferences, product, catalog) : null;
    if (fit) board.addAt(row, 'preference', weights.preference * fit.value);
    if (weights.persona > 0) board.addAt(row, 'persona', weights.persona * personaFit(context.strategy, product, catalog, state.boughtCategories));
  }
}

type ShareKind = 'trending' | 'popular' | 'segment_popular' | 'country_popular';

function rank(
  board: CandidateBoard, index: RecommenderIndex, context: RecommendationContext, params: ScoringParameters, depth: number, gift?: GiftQuery,
): ScoredCandidates {
  const demoted = new Set<number>();
  for (const productId of context.dismissed) {
    for (const related of index.relatedTo(productId)) {
      const item = index.catalog.indexOf(related);
      if (item !== undefined) demoted.add(item);
    }
  }
  const totals = new Float64Array(board.items.length);
  const rows: number[] = [];
  for (let row = 0; row < board.items.length; row++) {
    const factor = demoted.has(board.items[row]) ? 1 - params.dismissedNeighbourDemotion : 1;
    totals[row] = board.total(row) * factor * (gift ? gift.fit(board.items[row]) : 1);
    if (totals[row] > 0) rows.push(row); // a candidate no signal supports has no honest reason to be shown
  }
  return { board, ranked: selectTop(rows, depth, rowOrder(board, totals, index)), totals };
}

/** Higher total first, ties by product id. */
function rowOrder(board: CandidateBoard, totals: Float64Array, index: RecommenderIndex): (a: number, b: number) => boolean {
  const catalog = index.catalog;
  return (a, b) => totals[a] > totals[b] || (totals[a] === totals[b] && catalog.idOf(board.items[a]) < catalog.idOf(board.items[b]));
}

/**
 * The best `depth` candidates of `scored` ranked (by default all of them: what scoreItems without `depth` returns for the
 * same request), from the scores already computed: a request whose first rows did not fill the list reads further
 * without scoring again. The order is total, so a shallower ranking is always a prefix of a deeper one.
 */
export function rankedInFull(scored: ScoredCandidates, index: RecommenderIndex, depth = scored.board.items.length): ScoredCandidates {
  const { board, totals } = scored;
  const rows: number[] = [];
  for (let row = 0; row < board.items.length; row++) if (totals[row] > 0) rows.push(row);
  return { board, ranked: selectTop(rows, depth, rowOrder(board, totals, index)), totals };
}
