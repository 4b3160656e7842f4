/**
 * The recommender's in-memory index: catalogue, popularity (overall, trend, per segment, per country),
 * per-customer histories and the co-purchase graph. Built once, then kept current with `addOrder`;
 * a request reads it and never scans the orders.
 */
import type { Order, Product } from '../../domain/model';
import { BasketLog } from './basketLog';
import { DEFAULT_BLEND_FIT, fitBlend, splitAtWindow, type BlendFitOptions, type LearntBlend } from './blendFit';
import { ItemCatalog } from './catalog';
import { CoPurchaseGraph, CoPurchaseScratch, type CoPurchaseOptions } from './coPurchase';
import { CustomerHistory } from './customerHistory';
import { EaseModel, type EaseOptions } from './ease';
import { BLEND_CODEC, blendKey, easeCodec, easeKey } from './fitCache';
import { keptOrFitted, type ModelCache } from '../../domain/modelCache';
import { recencyGrowth } from './decay';
import { GroupedPopularity, momentum, PopularityCounter } from './popularity';
import { OrderLineMerger } from './orderLines';
import { RepeatRates } from './repeatRates';
import { selectTopByValue } from './selectTop';
import { BuyerIndex } from './similarCustomers';

export interface IndexOptions {
  coPurchase: CoPurchaseOptions;
  /**
   * A second, long-memory co-purchase graph (slow or no decay): "more like X" reads it, and the personal co-purchase
   * signal blends it with the short one by ScoringParameters.longMemoryShare (0 by default). null: none.
   */
  longCoPurchase: CoPurchaseOptions | null;
  /** Time-decay constant of the "popular right now" counter, in days. */
  trendTauDays: number;
  /** EASE item-item model over the most bought items ("goes well with"). null: none. */
  ease: EaseOptions | null;
  /**
   * Baseline (days) that "selling faster than usual" is measured against: a slow counter with this decay beside the
   * trend counter (repeat_momentum signal). null: none.
   */
  momentumBaselineDays: number | null;
  /**
   * Learn the signal weights at build time from the most recent weeks (blendFit.ts); null or absent: the default
   * weights. A shop with too little history keeps the defaults too.
   */
  blend?: BlendFitOptions | null;
}

/** Chosen on the validation cut inside the training period (see recommender/eval/README.md). */
export const DEFAULT_INDEX_OPTIONS: IndexOptions = {
  coPurchase: { cap: 200, tauDays: 20, sizeExponent: 0.5, alpha: 0, beta: 0.5 },
  longCoPurchase: { cap: 200, tauDays: 60, sizeExponent: 0.5, alpha: 0, beta: 0 },
  trendTauDays: 14,
  ease: { lambda: 100, maxItems: 1000 },
  momentumBaselineDays: 84,
  blend: DEFAULT_BLEND_FIT,
};

type ScratchUse = 'short' | 'long' | 'same_range';

/** Who a customer is, as far as group popularity is concerned. */
export interface CustomerGroups {
  segmentLabel?: string;
  country?: string;
}

export interface IndexInput {
  products: readonly Product[];
  /** Any iterable, so a generator can stream orders without holding them all. */
  orders: Iterable<Order>;
  customers?: ReadonlyMap<string, CustomerGroups>;
  options?: IndexOptions;
  /** Called as each build stage ends, with its name (the benchmark times the stages). */
  onStage?: (stage: string) => void;
  /** Where the blend and EASE fits are kept by a fingerprint of their inputs (fitCache.ts); absent: always fit. */
  modelCache?: ModelCache;
}

export class RecommenderIndex {
  readonly catalog = new ItemCatalog();
  readonly popularity = new PopularityCounter();
  readonly trend = new PopularityCounter();
  /**
   * Orders holding exactly one unit of an item: what customers buy one at a time (a present) rather than by the dozen
   * (stock, party bags). Gift requests rank by it; no price enters it.
   */
  readonly singleUnit = new PopularityCounter();
  /** The trend counter's slow twin (momentumBaselineDays): what "usual" means for momentum. */
  private readonly baselineTrend = new PopularityCounter();
  private momentumCache: PopularityCounter | null = null;
  readonly segmentPopularity = new GroupedPopularity();
  /** Every order's distinct items: the co-purchase graphs read it. */
  private readonly basketLog = new BasketLog();
  readonly countryPopularity = new GroupedPopularity();
  readonly coPurchase: CoPurchaseGraph;
  readonly longCoPurchase: CoPurchaseGraph | null;
  readonly repeatRates = new RepeatRates();
  /** Item -> buyers and customer -> items, for customers-like-you scoring. */
  readonly buyers = new BuyerIndex();
  private readonly histories = new Map<string, CustomerHistory>();
  private readonly groups = new Map<string, CustomerGroups>();
  private readonly orderIds = new Set<string>();
  private readonly lineMerger = new OrderLineMerger();
  /** Fitted from all histories; an order makes it stale and the next read refits it, so it always equals a rebuild. */
  private easeModel: EaseModel | null = null;
  private easeStale = true;
  private candidateRowScratch = new Int32Array(0);
  /** relatedTo's per-item similarities (only the entries of the list being read are meaningful). */
  private similarityScratch = new Float64Array(0);
  private readonly scratches: Record<ScratchUse, CoPurchaseScratch> = {
    short: new CoPurchaseScratch(0), long: new CoPurchaseScratch(0), same_range: new CoPurchaseScratch(0),
  };
  private changes = 0;
  /** Signal weights learnt at build time from the shop's recent weeks (null: the defaults serve). */
  learntBlend: LearntBlend | null = null;
  /** Time of the latest order seen: the default "now" of a request. */
  latestTime = Number.NEGATIVE_INFINITY;

  constructor(readonly options: IndexOptions = DEFAULT_INDEX_OPTIONS) {
    this.coPurchase = new CoPurchaseGraph(options.coPurchase, this.basketLog);
    this.longCoPurchase = options.longCoPurchase ? new CoPurchaseGraph(options.longCoPurchase, this.basketLog) : null;
  }

  /** Bumped by every change (order, product, customer groups): results cached from the index compare it. */
  get revision(): number {
    return this.changes;
  }

  static build(input: IndexInput): RecommenderIndex {
    const index = new RecommenderIndex(input.options);
    const stage = input.onStage ?? (() => undefined);
    for (const product of input.products) index.upsertProduct(product);
    for (const [customerId, groups] of input.customers ?? []) index.groups.set(customerId, { ...groups });
    stage('catalogue');
    const fit = index.options.blend;
    if (fit) {
      // Fit on the orders before the validation window, then add the window: the served index holds all data.
      const { before, window, start, end } = splitAtWindow(input.orders, fit.windowDays);
      stage('read and split orders');
      for (const order of before) index.addOrder(order);
      stage('add orders before the window');
      // No warm-up here: the fit reads only its customers' neighbour lists, which are computed on first use.
      index.learntBlend = keptOrFitted(input.modelCache, () => blendKey(input.products, index.groups, [before, window], index.options),
        BLEND_CODEC, () => fitBlend(index, window, { start, end }, fit));
      stage('weight fit');
      for (const order of window) index.addOrder(order);
      stage('add window orders');
    } else {
      for (const order of input.orders) index.addOrder(order);
      stage('read and add orders');
    }
    if (index.longCoPurchase) CoPurchaseGraph.warmPair(index.coPurchase, index.longCoPurchase, index.catalog.size);
    else index.coPurchase.warm(index.catalog.size);
    stage('co-purchase lists');
    // Only the build's fit is kept: a restart over the same orders restores it (background refits would churn the folder).
    index.ease(input.modelCache);
    stage('EASE fit');
    return index;
  }

  upsertProduct(product: Product): void {
    this.catalog.upsert(product);
    this.changes++;
  }

  /** Adds one order to every structure; an order id seen before is ignored. */
  addOrder(order: Order): void {
    if (this.orderIds.has(order.id)) return;
    const time = Date.parse(order.date);
    if (Number.isNaN(time)) throw new Error(`order ${order.id}: invalid date ${order.date}`);
    this.orderIds.add(order.id);
    const { items, units } = this.lineMerger.merge(order, this.catalog);
    if (items.length === 0) return;
    this.changes++;
    this.easeStale = true;
    this.momentumCache = null;
    if (time > this.latestTime) this.latestTime = time;
    let history = this.histories.get(order.customerId);
    if (!history) {
      history = new CustomerHistory();
      this.histories.set(order.customerId, history);
    }
    const earlierOrders = history.addOrder(items, units, time);
    const groups = this.groups.get(order.customerId);
    const segment = groups?.segmentLabel === undefined ? undefined : this.segmentPopularity.counter(groups.segmentLabel);
    const country = groups?.country === undefined ? undefined : this.countryPopularity.counter(groups.country);
    const trendWeight = recencyGrowth(time, this.options.trendTauDays);
    const baseline = this.options.momentumBaselineDays;
    const baselineWeight = baseline === null ? 0 : recencyGrowth(time, baseline);
    for (let n = 0; n < items.length; n++) {
      const item = items[n];
      this.repeatRates.record(item, earlierOrders[n]);
      if (earlierOrders[n] === 0) this.buyers.addFirstPurchase(order.customerId, item);
      this.popularity.add(item, 1);
      if (units[n] === 1) this.singleUnit.add(item, 1);
      this.trend.add(item, trendWeight);
      if (baseline !== null) this.baselineTrend.add(item, baselineWeight);
      segment?.add(item, 1);
      country?.add(item, 1);
    }
    const basket = this.basketLog.add(items);
    this.coPurchase.addBasket(basket, time);
    this.longCoPurchase?.addBasket(basket, time);
  }

  /**
   * Sets or changes customers' segment labels and countries (segmentation reruns) and recounts the group
   * popularity from the stored histories — proportional to history entries, not to orders.
   */
  setCustomerGroups(customers: ReadonlyMap<string, CustomerGroups>): void {
    this.changes++;
    for (const [customerId, groups] of customers) this.groups.set(customerId, { ...groups });
    this.segmentPopularity.clear();
    this.countryPopularity.clear();
    for (const [customerId, history] of this.histories) {
      const groups = this.groups.get(customerId);
      if (!groups) continue;
      for (const [item, purchases] of history.items) {
        if (groups.segmentLabel !== undefined) this.segmentPopularity.add(groups.segmentLabel, item, purchases.orders);
        if (groups.country !== undefined) this.countryPopularity.add(groups.country, item, purchases.orders);
      }
    }
  }

  /** The dense item -> candidate-row array scoring borrows (all -1 between requests). */
  candidateRows(): Int32Array {
    if (this.candidateRowScratch.length < this.catalog.size) this.candidateRowScratch = new Int32Array(this.catalog.size * 2).fill(-1);
    return this.candidateRowScratch;
  }

  /** Per-item accumulators a signal borrows (all zero between requests): one set per co-purchase graph and one for same_range. */
  itemScratch(use: ScratchUse): CoPurchaseScratch {
    if (this.scratches[use].size < this.catalog.size) this.scratches[use] = new CoPurchaseScratch(this.catalog.size * 2);
    return this.scratches[use];
  }

  /**
   * When true (the served index), a read never refits a stale model: it uses the last fit, and `refreshModels()`, run
   * off the request path, refits. When false (builds, evaluation, tests), reads refit lazily, so an updated index
   * always equals a rebuild.
   */
  deferModelFits = false;

  /** True when orders arrived since the last model fit. */
  get modelsStale(): boolean {
    return this.options.ease !== null && this.easeStale;
  }

  /** Refits what new orders made stale (the EASE model); a no-op when nothing is stale. */
  refreshModels(): void {
    const deferred = this.deferModelFits;
    this.deferModelFits = false;
    try {
      this.ease();
    } finally {
      this.deferModelFits = deferred;
    }
  }

  /**
   * The EASE model of the current histories (refitted here after new orders unless fits are deferred), or null when the
   * options have none. A fit is restored from `cache` when it holds one of exactly these histories.
   */
  ease(cache?: ModelCache): EaseModel | null {
    const options = this.options.ease;
    if (!options) return null;
    if (this.deferModelFits && this.easeModel) return this.easeModel;
    if (this.easeStale || !this.easeModel) {
      const customers = () => Array.from(this.histories.values(), (history) => history.items.keys());
      const itemCount = this.catalog.size;
      this.easeModel = keptOrFitted(cache, () => easeKey(customers(), itemCount, options), easeCodec(itemCount),
        () => EaseModel.fit(customers(), itemCount, options));
      this.easeStale = false;
    }
    return this.easeModel;
  }

  /** Items selling faster than usual at the latest order's time (cached until the next order); null when the options have none. */
  momentum(): PopularityCounter | null {
    const baseline = this.options.momentumBaselineDays;
    if (baseline === null || !Number.isFinite(this.latestTime)) return null;
    this.momentumCache ??= momentum(this.trend, this.options.trendTauDays, this.baselineTrend, baseline, this.latestTime, this.catalog.size);
    return this.momentumCache;
  }

  groupsOf(customerId: string): CustomerGroups | undefined {
    return this.groups.get(customerId);
  }

  history(customerId: string): CustomerHistory | undefined {
    return this.histories.get(customerId);
  }

  /** Product ids most often bought together with `productId` (strongest first): for demotion and "more like this". */
  relatedTo(productId: string, limit = 10): string[] {
    const item = this.catalog.indexOf(productId);
    if (item === undefined) return [];
    const list = this.coPurchase.neighbours(item);
    if (this.similarityScratch.length < this.catalog.size) this.similarityScratch = new Float64Array(this.catalog.size * 2);
    const similarity = this.similarityScratch;
    for (let k = 0; k < list.items.length; k++) similarity[list.items[k]] = this.coPurchase.similarity(item, list.items[k], list.coWeights[k]);
    return selectTopByValue(Array.from(list.items), limit, similarity).map((other) => this.catalog.idOf(other));
  }
}
