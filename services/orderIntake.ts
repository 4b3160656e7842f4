/**
 * Recording an order the shop pushes (the order-intake endpoint): validate what it refers to, store it durably,
 * then bring the in-memory recommender index and the segments up to date with it. No HTTP types here: the route
 * maps each outcome to a status.
 */
import { onlyActiveCustomers } from './activeAssignments';
import type { CatalogRepository, CustomerRepository, OrderRepository, SegmentRepository } from '../data/ports';
import type { Customer, Order, SegmentAssignment } from '../domain/model';
import { exclusivelyFor } from './customerUpdates';
import { KeyedSerializer } from '../domain/keyedSerializer';
import type { Logger } from '../logging/logger';

/** What the shop sent, validated; `date` absent means "now" (the moment the intake records it). */
export interface IncomingOrder {
  id: string;
  customerId: string;
  date?: string;
  lines: Order['lines'];
  /** A first-time buyer's details: the customer is registered with this order when the id is new. */
  customer?: NewCustomer;
}

export interface NewCustomer {
  displayName: string;
  email: string;
  postcode: string;
  country: string;
  /** What the shopper chose at checkout. Marketing defaults to off (it needs an opt-in); personalisation to on
   * (the shopper can turn it off in the chat at any time). */
  consent?: { marketing?: boolean; personalization?: boolean };
}

/** The incremental segmentation engine (SegmentationEngine fits) built by the start-up refresh. */
export interface SegmentUpdater {
  applyOrder(order: Order, asOf: Date): SegmentAssignment[];
  upsertCustomer(customer: Customer, asOf: Date): SegmentAssignment[];
  assignmentOf(customerId: string): SegmentAssignment | undefined;
}

/** The recommender index as the intake sees it: always the current one (an erasure rebuilds it). */
export interface RecommenderUpdater {
  addOrder(order: Order): void;
  /** Re-reads the segment labels of these customers into the index's segment popularity. */
  updateSegmentLabels(changed: readonly SegmentAssignment[]): Promise<void>;
}

export interface OrderIntakeDeps {
  customers: Pick<CustomerRepository, 'get' | 'findByEmail' | 'put'>;
  catalog: Pick<CatalogRepository, 'get'>;
  orders: Pick<OrderRepository, 'get' | 'add'>;
  segments: Pick<SegmentRepository, 'putMany'>;
  recommender: RecommenderUpdater;
  /** Resolves once the start-up segment refresh has finished: its engine, or null when it failed. */
  segmentation: () => Promise<SegmentUpdater | null>;
  log: Logger;
  now?: () => Date;
}

export interface SegmentSummary {
  rfm: string;
  primary: string;
}

export type IntakeOutcome =
  /** `segment` is null only when the segments could not be updated (the order itself is stored). */
  | { kind: 'recorded'; orderId: string; segment: SegmentSummary | null; newCustomer: boolean }
  | { kind: 'duplicate'; orderId: string }
  | { kind: 'conflict'; orderId: string }
  | { kind: 'unknown_customer'; customerId: string; erased: boolean }
  /** A new customer's email belongs to another customer id. */
  | { kind: 'email_in_use'; customerId: string }
  | { kind: 'unknown_products'; productIds: string[] };

const INTAKE_KEY = 'order-intake';

export class OrderIntakeService {
  /** One intake at a time: the duplicate check, the write and the segments' read-modify-write never interleave. */
  private readonly serializer = new KeyedSerializer();

  constructor(private readonly deps: OrderIntakeDeps) {}

  record(incoming: IncomingOrder): Promise<IntakeOutcome> {
    // Also exclusive with the customer's erasure: the customer check and the write happen before it or after it.
    return this.serializer.run([INTAKE_KEY], () => exclusivelyFor(incoming.customerId, () => this.recordNow(incoming)));
  }

  private async recordNow(incoming: IncomingOrder): Promise<IntakeOutcome> {
    const { deps } = this;
    const existing = await deps.orders.get(incoming.id);
    if (existing) {
      // Webhooks retry: the same order again is acknowledged without recording anything twice.
      return sameOrder(existing, incoming) ? { kind: 'duplicate', orderId: incoming.id } : { kind: 'conflict', orderId: incoming.id };
    }
    const known = await deps.customers.get(incoming.customerId);
    // An erased customer is only an anonymous stub: a new order must never be attached to it, nor the id reused.
    if (known?.erasedAt) return { kind: 'unknown_customer', customerId: incoming.customerId, erased: true };
    const newcomer = known ? undefined : incoming.customer;
    if (!known && !newcomer) return { kind: 'unknown_customer', customerId: incoming.customerId, erased: false };
    if (newcomer && (await deps.customers.findByEmail(newcomer.email))) return { kind: 'email_in_use', customerId: incoming.customerId };
    const productIds = [...new Set(incoming.lines.map((l) => l.productId))];
    const products = await Promise.all(productIds.map((id) => deps.catalog.get(id)));
    const unknown = productIds.filter((_, i) => !products[i]);
    if (unknown.length > 0) return { kind: 'unknown_products', productIds: unknown };

    const now = deps.now?.() ?? new Date();
    // Registered only once everything else is known to be valid, so a refused order stores nothing.
    const created = newcomer ? registration(incoming.customerId, newcomer, now) : null;
    if (created) await deps.customers.put(created);
    const order: Order = { id: incoming.id, customerId: incoming.customerId, date: incoming.date ?? now.toISOString(), lines: incoming.lines };
    await deps.orders.add(order);
    deps.log.info('order recorded', { orderId: order.id, lines: order.lines.length, newCustomer: created !== null });
    return { kind: 'recorded', orderId: order.id, segment: await this.updateDerivedState(order, now, created), newCustomer: created !== null };
  }

  /**
   * Index and segments are derived from the stored orders, and every start rebuilds both from the store. So once
   * the order is durable, a failure here is logged and the order still counts as recorded: nothing is lost.
   */
  private async updateDerivedState(order: Order, now: Date, created: Customer | null): Promise<SegmentSummary | null> {
    const { deps } = this;
    try {
      deps.recommender.addOrder(order);
    } catch (error) {
      deps.log.error('order intake: recommender index not updated', { orderId: order.id, error });
    }
    try {
      const engine = await deps.segmentation();
      if (!engine) {
        deps.log.warn('order intake: segments not updated (the start-up segment refresh failed)', { orderId: order.id });
        return null;
      }
      // A new customer becomes a subject first (country, business flag), then their order is applied.
      const registered = created ? engine.upsertCustomer(created, now) : [];
      const changed = await onlyActiveCustomers(deps.customers, latestPerCustomer([...registered, ...engine.applyOrder(order, now)]));
      if (changed.length > 0) {
        await deps.segments.putMany(changed);
        await deps.recommender.updateSegmentLabels(changed);
      }
      return summary(changed.find((a) => a.customerId === order.customerId) ?? engine.assignmentOf(order.customerId));
    } catch (error) {
      deps.log.error('order intake: segments not updated', { orderId: order.id, error });
      return null;
    }
  }
}

/** The customer record a first order registers: no preferences or channel identities yet. */
function registration(id: string, details: NewCustomer, now: Date): Customer {
  return {
    id, displayName: details.displayName, email: details.email, postcode: details.postcode, country: details.country,
    preferences: { categories: [], values: [] }, identities: [],
    consent: { marketing: details.consent?.marketing ?? false, personalization: details.consent?.personalization ?? true, updatedAt: now.toISOString() },
    createdAt: now.toISOString(),
  };
}

/** One assignment per customer, the last one given winning. */
function latestPerCustomer(assignments: readonly SegmentAssignment[]): SegmentAssignment[] {
  return [...new Map(assignments.map((a) => [a.customerId, a])).values()];
}

function summary(assignment: SegmentAssignment | undefined): SegmentSummary | null {
  return assignment ? { rfm: assignment.rfm.label, primary: assignment.primary } : null;
}


const lineKey = (l: Order['lines'][number]) => `${l.productId}\u0000${l.quantity}\u0000${l.unitPrice}`;

/** Same customer and lines (in any order); the date too, unless the retry left it to the server. */
export function sameOrder(stored: Order, incoming: IncomingOrder): boolean {
  if (stored.customerId !== incoming.customerId) return false;
  if (incoming.date !== undefined && Date.parse(stored.date) !== Date.parse(incoming.date)) return false;
  if (stored.lines.length !== incoming.lines.length) return false;
  const a = stored.lines.map(lineKey).sort();
  const b = incoming.lines.map(lineKey).sort();
  return a.every((key, i) => key === b[i]);
}
