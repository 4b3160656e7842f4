/**
 * The facade services call. It owns the per-customer aggregates, so after one full computation an arriving
 * order updates one customer's aggregates and re-derives everyone's labels from typed arrays (no order is
 * read again); the result is identical to a full recompute over the same orders with the same cluster model.
 */
import type { Customer, Order, SegmentAssignment } from '../../domain/model';
import { categoryIndex, CustomerAggregates, slotsInIdOrder } from './aggregates';
import { buildAssignment, DEFAULT_HISTORY_LIMIT, sameSegmentation } from './assignments';
import { DEFAULT_CLUSTER_OPTIONS, fitClusters, type ClusterModel, type ClusterOptions } from './clustering';
import { labelAll, type SegmentColumns } from './labelling';
import { scoreRfm } from './rfm';
import { PERSONAS } from './personas';
import type { SegmentDefinition } from './ruleSchema';
import { SegmentDefinitionError } from './rules';
import { subjectOf, type SegmentationSubject } from './subjects';
import { ingestColumns, type LineColumns } from './columns';
import type { ModelCache } from '../../domain/modelCache';

export interface SegmentationEngineOptions {
  /** Category id of a product (orders carry product ids only); unknown products count as "other". */
  categoryOf?: (productId: string) => string | undefined;
  /** false: no cluster analysis. A ClusterModel: reuse it instead of fitting. */
  clusters?: ClusterOptions | ClusterModel | false;
  historyLimit?: number;
  /** Stamp for computedAt; injectable so runs are reproducible. */
  clock?: () => Date;
  /**
   * An order left out because its numbers would make a sum non-finite (overflow): the refresh goes on for everyone
   * else, and the caller logs it. Called once per order id.
   */
  onOrderLeftOut?: (order: Pick<Order, 'id' | 'customerId'>, reason: string) => void;
  /** Called as a full recompute moves through its stages (for progress bars). */
  onStage?: (stage: 'ingested' | 'scored' | 'clustered' | 'assigned', done: number, total: number) => void;
  /** Where cluster fits are kept by a fingerprint of their inputs (clustering.ts); absent: always fit. */
  modelCache?: ModelCache;
}

function sameColumns(a: SegmentColumns, b: SegmentColumns, slot: number): boolean {
  return (
    slot < a.ruleMask.length && a.scores.recencyDays[slot] === b.scores.recencyDays[slot] && a.scores.label[slot] === b.scores.label[slot] &&
    a.scores.r[slot] === b.scores.r[slot] && a.scores.f[slot] === b.scores.f[slot] && a.scores.m[slot] === b.scores.m[slot] &&
    a.ruleMask[slot] === b.ruleMask[slot] && a.primaryRule[slot] === b.primaryRule[slot] && a.cluster[slot] === b.cluster[slot]
  );
}

const isModel = (value: ClusterOptions | ClusterModel): value is ClusterModel => 'centroids' in value;

export class SegmentationEngine {
  private aggregates = new CustomerAggregates();
  private subjects: SegmentationSubject[] = [];
  private slotsById: Uint32Array = new Uint32Array(0);
  private seenOrders = new Set<string>();
  private readonly categoryCache = new Map<string, number>();
  private current: SegmentAssignment[] = [];
  private asOfMs = 0;
  private model: ClusterModel | null = null;
  columns: SegmentColumns | null = null;

  constructor(readonly definitions: readonly SegmentDefinition[], private readonly options: SegmentationEngineOptions = {}) {
    const unknown = definitions.filter((d) => d.persona !== undefined && !PERSONAS.has(d.persona));
    if (unknown.length > 0) {
      throw new SegmentDefinitionError(unknown.map((d) => `segment "${d.id}": field persona: unknown persona "${d.persona}"`));
    }
  }

  get clusterModel(): ClusterModel | null {
    return this.model;
  }

  get customerCount(): number {
    return this.aggregates.size;
  }

  /** Full recompute from customers and their orders. `previous` carries each customer's history forward. */
  computeAll(customers: readonly (Customer | SegmentationSubject)[], orders: readonly Order[], asOf: Date, previous: readonly SegmentAssignment[] = []): SegmentAssignment[] {
    this.reset(customers.length);
    for (const customer of customers) this.setSubject('preferences' in customer ? subjectOf(customer) : customer);
    for (const order of orders) this.ingestOrder(order);
    this.options.onStage?.('ingested', 1, 4);
    return this.recompute(asOf, previous);
  }

  /** Full recompute from columnar order lines (analyst files, benchmarks): no per-line objects. */
  computeFromColumns(subjects: readonly SegmentationSubject[], lines: LineColumns, asOf: Date, previous: readonly SegmentAssignment[] = []): SegmentAssignment[] {
    this.reset(subjects.length);
    for (const subject of subjects) this.setSubject(subject);
    ingestColumns(this.aggregates, (id) => this.slotFor(id), lines);
    this.options.onStage?.('ingested', 1, 4);
    return this.recompute(asOf, previous);
  }

  /** An order arrived: returns the assignments that changed (the new customer's and anyone whose quintile moved). */
  applyOrder(order: Order, asOf: Date): SegmentAssignment[] {
    if (!this.ingestOrder(order)) return [];
    return this.relabel(asOf, this.aggregates.slotOf(order.customerId));
  }

  /** A customer registered or changed what they told us: returns the changed assignments. */
  upsertCustomer(customer: Customer, asOf: Date): SegmentAssignment[] {
    this.setSubject(subjectOf(customer));
    return this.relabel(asOf, this.aggregates.slotOf(customer.id));
  }

  /**
   * Erasure: the customer's purchases stay counted under `pseudonym` (as the store keeps their orders) with an
   * anonymous subject and no assignment history, so nothing in memory is keyed by the customer any more; the engine
   * then equals one recomputed from the re-keyed orders. Returns false when the customer is unknown.
   */
  reassignCustomer(customerId: string, pseudonym: string): boolean {
    const slot = this.aggregates.slotOf(customerId);
    if (slot === undefined || !this.aggregates.rename(customerId, pseudonym)) return false;
    this.subjects[slot] = { id: pseudonym, country: '', values: [], interests: [] };
    this.slotsById = new Uint32Array(0);
    delete this.current[slot]; // their assignment history goes with them
    if (this.columns) this.relabel(new Date(this.asOfMs), slot);
    return true;
  }

  assignments(): readonly SegmentAssignment[] {
    return this.current;
  }

  assignmentOf(customerId: string): SegmentAssignment | undefined {
    const slot = this.aggregates.slotOf(customerId);
    return slot === undefined ? undefined : this.current[slot];
  }

  private reset(expectedCustomers: number): void {
    this.aggregates = new CustomerAggregates(expectedCustomers);
    this.subjects = [];
    this.slotsById = new Uint32Array(0);
    this.seenOrders = new Set();
    this.current = [];
  }

  private slotFor(customerId: string): number {
    const known = this.aggregates.slotOf(customerId);
    if (known !== undefined) return known;
    this.setSubject({ id: customerId, country: '', values: [], interests: [] });
    return this.aggregates.slotOf(customerId) ?? -1;
  }

  private setSubject(subject: SegmentationSubject): void {
    const isNew = this.aggregates.slotOf(subject.id) === undefined;
    const slot = this.aggregates.ensure(subject.id);
    this.subjects[slot] = subject;
    if (isNew) this.slotsById = new Uint32Array(0); // id order is rebuilt lazily on the next labelling
  }

  /** false when the order was already counted (same id) or left out (its numbers would overflow a sum). */
  private ingestOrder(order: Order): boolean {
    if (this.seenOrders.has(order.id)) return false;
    this.seenOrders.add(order.id);
    const slot = this.slotFor(order.customerId);
    const time = Date.parse(order.date);
    if (!Number.isFinite(time) || !this.aggregates.addLinesIfFinite(slot, order.lines, (line) => this.categoryOf(line.productId))) {
      this.options.onOrderLeftOut?.({ id: order.id, customerId: order.customerId }, Number.isFinite(time) ? 'its total is not a finite number' : 'its date is not valid');
      return false;
    }
    this.aggregates.addInvoice(slot, time);
    return true;
  }

  private categoryOf(productId: string): number {
    let index = this.categoryCache.get(productId);
    if (index === undefined) {
      index = categoryIndex(this.options.categoryOf?.(productId));
      this.categoryCache.set(productId, index);
    }
    return index;
  }

  private label(asOf: Date): SegmentColumns {
    this.asOfMs = asOf.getTime();
    if (this.slotsById.length !== this.aggregates.size) this.slotsById = slotsInIdOrder(this.aggregates);
    return labelAll(this.aggregates, this.subjects, this.slotsById, this.asOfMs, this.definitions, this.model);
  }

  private recompute(asOf: Date, previous: readonly SegmentAssignment[]): SegmentAssignment[] {
    const setting = this.options.clusters ?? DEFAULT_CLUSTER_OPTIONS;
    this.asOfMs = asOf.getTime();
    if (this.slotsById.length !== this.aggregates.size) this.slotsById = slotsInIdOrder(this.aggregates);
    // Clusters are fitted on RFM-derived features: score first, fit, then label everyone once.
    const scores = scoreRfm(this.aggregates, this.asOfMs, this.slotsById);
    this.options.onStage?.('scored', 2, 4);
    this.model = setting === false ? null : isModel(setting) ? setting : fitClusters(this.aggregates, scores, setting, this.options.modelCache);
    this.options.onStage?.('clustered', 3, 4);
    this.columns = labelAll(this.aggregates, this.subjects, this.slotsById, this.asOfMs, this.definitions, this.model, scores);
    const byCustomer = new Map(previous.map((a) => [a.customerId, a]));
    const stamp = this.stamp();
    this.current = this.aggregates.ids.map((id, slot) => this.build(slot, stamp, byCustomer.get(id)));
    this.options.onStage?.('assigned', 4, 4);
    return this.current;
  }

  /** Re-derives every label; only slots whose columns moved (or `touched`) are rebuilt and compared. */
  private relabel(asOf: Date, touched: number | undefined): SegmentAssignment[] {
    const before = this.columns;
    const after = this.label(asOf);
    this.columns = after;
    const stamp = this.stamp();
    const changed: SegmentAssignment[] = [];
    for (let slot = 0; slot < this.aggregates.size; slot++) {
      const previous = this.current[slot];
      if (slot !== touched && previous && before && sameColumns(before, after, slot)) continue;
      const next = this.build(slot, stamp, previous);
      if (previous && sameSegmentation(previous, next)) continue;
      this.current[slot] = next;
      changed.push(next);
    }
    return changed;
  }

  private build(slot: number, stamp: string, previous: SegmentAssignment | undefined): SegmentAssignment {
    if (!this.columns) throw new Error('segments were not computed yet');
    return buildAssignment(this.aggregates, this.columns, this.definitions, slot, stamp, previous, this.options.historyLimit ?? DEFAULT_HISTORY_LIMIT);
  }

  private stamp(): string {
    return (this.options.clock?.() ?? new Date()).toISOString();
  }
}
