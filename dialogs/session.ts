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
}

/** The request behind the last round, so that "cheaper" or "something else" can refine it. */
export type LastRequest = Omit<SuggestionRequest, 'customerId' | 'limit'>;

export interface ConversationSession {
  /** Set once identified (signed identity or email + second factor); null for guests and strangers. */
  profile: CustomerProfile | null;
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

/** Forget who the shopper is (after erasure or sign-out) but keep the conversation going as a guest. */
export function signOut(session: ConversationSession): void {
  session.profile = null;
  session.guest = true;
  session.lastRequest = null;
  session.shown = [];
  session.dismissed = [];
}
