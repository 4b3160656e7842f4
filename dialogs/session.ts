/**
 * Per-conversation facts the dialogs share, kept in conversation state through a StatePropertyAccessor
 * (dialog objects are shared by every conversation, so nothing per-user lives on them).
 */
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { CustomerProfile } from '../services/ports';
import type { SuggestionRequest } from '../domain/suggestions';

/** An item shown in the last round of suggestions, enough to answer "why this?" and "show details". */
export interface ShownItem {
  productId: string;
  name: string;
  price: number;
  currency: string;
  category: string;
  inStock: boolean;
  reason: string;
  /** The shop's photo, or the bot's drawn placeholder. */
  imageUrl?: string;
  /** The product's page in the shop, when it has one. */
  productUrl?: string;
}

/** What a product card shows. */
export type CardItem = Pick<ShownItem, 'productId' | 'name' | 'price' | 'currency' | 'reason' | 'imageUrl' | 'productUrl'>;

/** The request behind the last round, so that "cheaper" or "something else" can refine it. */
export type LastRequest = Omit<SuggestionRequest, 'customerId' | 'limit'>;

/** How and until when the shopper of this session proved who they are. */
export interface SignIn {
  method: 'token' | 'factor';
  /** A signed identity is honoured until its `exp` (ISO time); null for email + second factor. */
  expiresAt: string | null;
  /** The shopper's latest turn (ISO time): an email + factor sign-in ends after the idle time. */
  lastActiveAt: string;
  /** Digest of the last verified token: the same token again needs no second look-up. */
  tokenDigest?: string;
}

/** When sign-ins end; the clock is injectable so tests can let time pass. */
export interface SessionPolicy {
  idleMinutes: number;
  now: () => Date;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMinutes: 30, now: () => new Date() };

/**
 * One person's session within one conversation: the state is keyed by conversation and channel user (see
 * PerUserConversationState), so another member of a shared conversation never sees or acts on it.
 */
export interface ConversationSession {
  /** Set once identified (signed identity or email + second factor); null for guests and strangers. */
  profile: CustomerProfile | null;
  /** How the profile was proved; a profile without one is never trusted. */
  signIn?: SignIn | null;
  /** The shopper chose to go on without identifying: do not offer identification again unasked. */
  guest: boolean;
  /** The last turn came in by voice. */
  voice: boolean;
  lastRequest: LastRequest | null;
  shown: ShownItem[];
  /** Products the shopper said they are not interested in (excluded from later rounds). */
  dismissed: string[];
  /** Every product shown in this conversation, for the survey's `followsSuggestions`. */
  shownProductIds: string[];
  surveyOffered: boolean;
  /** The full welcome was shown (on join, or in answer to the first greeting). */
  welcomed?: boolean;
}

export function newSession(): ConversationSession {
  return {
    profile: null, guest: false, voice: false, lastRequest: null, shown: [], dismissed: [], shownProductIds: [], surveyOffered: false,
  };
}

export type SessionAccessor = StatePropertyAccessor<ConversationSession>;

/** The session for this turn (created on first use); mutations are saved with conversation state. */
export async function loadSession(accessor: SessionAccessor, context: TurnContext): Promise<ConversationSession> {
  return accessor.get(context, newSession());
}

export function startSignIn(session: ConversationSession, profile: CustomerProfile, signIn: Omit<SignIn, 'lastActiveAt'>, now: Date): void {
  session.profile = profile;
  session.guest = false;
  session.signIn = { ...signIn, lastActiveAt: now.toISOString() };
}

export type SignInEnd = 'expired' | 'idle';

/** Why the sign-in has ended by now, or null while it holds (or there is none). */
export function signInEnded(session: ConversationSession, policy: SessionPolicy): SignInEnd | null {
  if (!session.profile) return null;
  const { signIn } = session;
  const now = policy.now().getTime();
  if (!signIn) return 'expired';
  if (signIn.expiresAt !== null) return Date.parse(signIn.expiresAt) > now ? null : 'expired';
  return now - Date.parse(signIn.lastActiveAt) < policy.idleMinutes * 60_000 ? null : 'idle';
}

/** The signed-in customer at this moment, or null: what export, consent changes and erasure act for. */
export function currentProfile(session: ConversationSession, policy: SessionPolicy): CustomerProfile | null {
  return session.profile && signInEnded(session, policy) === null ? session.profile : null;
}

/** Forget who the shopper is (after erasure, expiry or sign-out) but keep the conversation going as a guest. */
export function signOut(session: ConversationSession): void {
  session.profile = null;
  session.signIn = null;
  session.guest = true;
  session.lastRequest = null;
  session.shown = [];
  session.dismissed = [];
}
