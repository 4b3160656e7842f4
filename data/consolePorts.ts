/**
 * The console's ports: transcripts (with staff tags, notes and review marks), staff accounts and sessions, handoffs
 * and the staff login throttle. review/ and bot/ depend on these, never on a store class. lowdb implements them in
 * data/console/, PostgreSQL in data/postgres/console*.ts; test/data/contracts/console*.ts hold both to one contract.
 * Every write resolves once durable. Records handed out must not be changed in place (lowdb hands out its own).
 */
import type { ConversationRecord, Handoff, StaffAccount, StaffNote, StaffSession, TranscriptEntry } from './console/schema';
import type { SegmentSnapshot } from '../domain/model';
import type { TranscriptRepository as TranscriptExportAndErasure } from './ports';

export interface TranscriptRepository extends TranscriptExportAndErasure {
  /** Appends entries (already redacted) and updates the conversation's latest customer, segment and activity time. */
  append(conversationId: string, channelId: string, entries: TranscriptEntry[]): Promise<void>;
  get(conversationId: string): Promise<ConversationRecord | undefined>;
  /** Every conversation, in the order they started. */
  list(): Promise<ConversationRecord[]>;
  forCustomer(customerId: string): Promise<ConversationRecord[]>;
  /** Staff tags: trimmed, empty ones dropped, each once. Undefined when there is no such conversation. */
  setTags(conversationId: string, tags: string[]): Promise<ConversationRecord | undefined>;
  addNote(conversationId: string, note: StaffNote): Promise<ConversationRecord | undefined>;
  setReviewed(conversationId: string, staffId: string, reviewed: boolean, at: string): Promise<ConversationRecord | undefined>;
  /** Erasure: every conversation the customer took part in, and their handoffs. Returns how many conversations went. */
  removeCustomer(customerId: string): Promise<number>;
  /** Retention: drops conversations whose last activity is before `before` (and closed handoffs requested before it). */
  pruneBefore(before: Date): Promise<number>;
}

export interface StaffRepository {
  list(): Promise<StaffAccount[]>;
  get(id: string): Promise<StaffAccount | undefined>;
  /** Trimmed, case-insensitive. */
  findByEmail(email: string): Promise<StaffAccount | undefined>;
  /** An enabled admin exists. */
  hasAdmin(): Promise<boolean>;
  /** Refuses an email that already has an account. */
  add(account: StaffAccount): Promise<void>;
  /** Disabling also ends the account's sessions. */
  setDisabled(id: string, disabled: boolean): Promise<StaffAccount | undefined>;
  /** Adds the session and drops the sessions that expired by `now`. */
  addSession(session: StaffSession, now: Date): Promise<void>;
  findSession(tokenHash: string): Promise<StaffSession | undefined>;
  removeSession(tokenHash: string): Promise<void>;
}

export interface HandoffRequest {
  conversationId: string;
  customerId: string | null;
  reason: string;
  earlierWords?: string[];
  segment: SegmentSnapshot | null;
  at: string;
  mode?: Handoff['mode'];
}

/** Why a claim was refused: nothing to claim, or another agent holds it. */
export type ClaimResult = { ok: true; handoff: Handoff } | { ok: false; why: 'not_found' | 'held_by_other'; holder?: string };

export interface HandoffRepository {
  open(request: HandoffRequest): Promise<Handoff>;
  /** In the order they were requested; only those in `status` when given. */
  list(status?: Handoff['status']): Promise<Handoff[]>;
  get(id: string): Promise<Handoff | undefined>;
  /** The conversation's latest handoff that is not closed (open or held), if any. */
  activeFor(conversationId: string): Promise<Handoff | undefined>;
  /** The conversation's latest handoff in any state. */
  latestFor(conversationId: string): Promise<Handoff | undefined>;
  /** Takes a handoff for an agent, atomically; taking one you already hold is fine, taking another agent's is not. */
  claim(id: string, staffId: string, at: string): Promise<ClaimResult>;
  close(id: string, at: string, outcome?: NonNullable<Handoff['outcome']>): Promise<Handoff | undefined>;
  setCallbackEmail(id: string, email: string): Promise<Handoff | undefined>;
  /** Keeps the channel's conversation reference on the handoff; written only when it changed. */
  setReference(id: string, reference: Record<string, unknown>): Promise<void>;
}

/** One key of a sign-in attempt (an account or a client address) and how many failures it may have in the window. */
export interface ThrottleKey {
  key: string;
  max: number;
}

/**
 * Failed staff sign-ins in a sliding window, per key. Shared by every instance on PostgreSQL; in process on lowdb
 * (one process per file; a restart forgives, acceptable for a throttle: the password hash is the real defence).
 */
export interface LoginThrottleStore {
  /**
   * Atomically: when every key has fewer than its `max` marks newer than `now - windowMs`, adds a pending mark
   * under `attemptId` to each key and returns 0; otherwise adds nothing and returns how many ms until one frees up.
   */
  reserve(keys: readonly ThrottleKey[], attemptId: string, now: number, windowMs: number): Promise<number>;
  /** The attempt failed: its marks stay, counted until they leave the window. */
  settle(attemptId: string): Promise<void>;
  /** The attempt succeeded: its marks go, and so do the settled marks of `forgivenKey` (attempts in flight stay). */
  release(attemptId: string, forgivenKey: string): Promise<void>;
}

export interface ConsoleRepositories {
  transcripts: TranscriptRepository;
  staff: StaffRepository;
  handoffs: HandoffRepository;
  loginThrottle: LoginThrottleStore;
}

export interface OpenedConsoleStore extends ConsoleRepositories {
  /** Resolves once every change made so far is durable. */
  flush(): Promise<void>;
  /** Flushes, stops background pruning and releases files or connections. */
  close(): Promise<void>;
}
