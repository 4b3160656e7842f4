/**
 * Repository interfaces: the only way the rest of the app touches stored data.
 * lowdb implements them now; a PostgreSQL adapter can later implement the same.
 * Every write resolves only once it is durable on disk (acknowledged = survives a process crash).
 */
import type {
  AuditEntry, Customer, Feedback, Order, Product, SegmentAssignment, SuggestionEvent,
} from '../domain/model';
import type { Experiment, Exposure } from '../domain/experiments';

export interface CustomerRepository {
  get(id: string): Promise<Customer | undefined>;
  /** Case-insensitive, trimmed match; erased customers never match. */
  findByEmail(email: string): Promise<Customer | undefined>;
  list(): Promise<Customer[]>;
  put(customer: Customer): Promise<void>;
}

export interface CatalogRepository {
  get(id: string): Promise<Product | undefined>;
  list(): Promise<Product[]>;
  /** Adds the product, or replaces the one with its id (the shop pushes stock, price and new listings). */
  put(product: Product): Promise<void>;
  /** Several at once, all or nothing: every product is validated before any is stored; one durable write. */
  putMany(products: readonly Product[]): Promise<void>;
}

export interface OrderRepository {
  forCustomer(customerId: string): Promise<Order[]>;
  get(orderId: string): Promise<Order | undefined>;
  list(): Promise<Order[]>;
  add(order: Order): Promise<void>;
  /** Erasure: re-key the customer's orders to an anonymous pseudonym. */
  reassignCustomer(fromCustomerId: string, toPseudonym: string): Promise<number>;
}

export interface SegmentRepository {
  get(customerId: string): Promise<SegmentAssignment | undefined>;
  list(): Promise<SegmentAssignment[]>;
  putMany(assignments: SegmentAssignment[]): Promise<void>;
  remove(customerId: string): Promise<void>;
}

export interface FeedbackRepository {
  add(feedback: Feedback): Promise<void>;
  list(): Promise<Feedback[]>;
  forCustomer(customerId: string): Promise<Feedback[]>;
  /** Erasure: detach feedback from the customer (customerId -> null), keeping the scores but not the free-text comment. */
  unlinkCustomer(customerId: string): Promise<number>;
}

export interface SuggestionEventRepository {
  add(events: SuggestionEvent[]): Promise<void>;
  list(): Promise<SuggestionEvent[]>;
  forCustomer(customerId: string): Promise<SuggestionEvent[]>;
  unlinkCustomer(customerId: string): Promise<number>;
}

export interface AuditRepository {
  add(entry: AuditEntry): Promise<void>;
  list(): Promise<AuditEntry[]>;
  /**
   * Erasure: every entry about `subject` keeps its action, actor and time, but its subject becomes ERASED_SUBJECT and
   * its details go (counts and topics could join it to the pseudonym). Returns how many changed, once durable.
   */
  redactSubject(subject: string): Promise<number>;
}

/**
 * Past this many records the counts (failures below the lock) nearest to expiry are dropped too: each failed attempt
 * from a fresh channel user id or email adds a record. The same ceiling for every store. Active locks
 * are never dropped before they end, so a locked account stays locked.
 */
export const MAX_LOCK_RECORDS = 10_000;

/** Failed identification attempts, keyed by channel user or by email hash: one record per key. */
export interface IdentificationLockRepository {
  get(key: string): Promise<{ failures: number; lockedUntil: string | null; expiresAt?: string } | undefined>;
  /** `expiresAt`: from then on the record means nothing and may be pruned. */
  put(key: string, state: { failures: number; lockedUntil: string | null; expiresAt?: string }): Promise<void>;
  remove(key: string): Promise<void>;
  /** Removes the records that expired by `now` (and, past a ceiling, the oldest counts); returns how many went. */
  pruneExpired(now: Date): Promise<number>;
}

export interface Repositories {
  customers: CustomerRepository;
  catalog: CatalogRepository;
  orders: OrderRepository;
  segments: SegmentRepository;
  feedback: FeedbackRepository;
  suggestionEvents: SuggestionEventRepository;
  audit: AuditRepository;
  locks: IdentificationLockRepository;
}

/** Conversation transcripts (stored apart from commerce data: they change on every turn). */
export interface TranscriptRepository {
  /** Export: the customer's conversations (entries already redacted of contact details). */
  forCustomer(customerId: string): Promise<{ id: string; channelId: string; startedAt: string; entries: { at: string; direction: string; text?: string | null }[] }[]>;
  /** Erasure: remove every transcript of the customer. Returns how many were removed. */
  removeCustomer(customerId: string): Promise<number>;
}

/** Experiments and their exposures (services/experiments). */
export interface ExperimentRepository {
  list(): Promise<Experiment[]>;
  get(id: string): Promise<Experiment | undefined>;
  /** Adds the experiment, or replaces the one with its id. */
  put(experiment: Experiment): Promise<void>;
  /** Stores the exposure unless one for the same experiment and conversation is stored; true when it was added. */
  addExposure(exposure: Exposure): Promise<boolean>;
  /** In the order recorded; one experiment's when `experimentId` is given. */
  exposures(experimentId?: string): Promise<Exposure[]>;
  /** Erasure: exposures keep their variant and segment but no longer name the customer. */
  unlinkCustomer(customerId: string): Promise<number>;
  close(): Promise<void>;
}
