/**
 * The services that dialogs (and the review console) depend on. Dialogs receive these through their
 * constructors and never import a store, the recommender's internals or botbuilder storage.
 */
import type { Consent, Persona, Preferences, SegmentSnapshot } from '../domain/model';
import type { SuggestionRequest, SuggestionResult, SuggestionReason } from '../domain/suggestions';
import type { ExperimentTreatments, Treatment } from './experiments/treatments';

/** What an identified conversation knows about its customer. */
export interface CustomerProfile {
  customerId: string;
  displayName: string;
  segment: SegmentSnapshot;
  persona: Persona;
  preferences: Preferences;
  consent: Consent;
  country: string;
}

/** Who is on the other end of the conversation: the channel user, used for lockouts and linking. */
export interface ChannelUser {
  channelId: string;
  userId: string;
}

export type IdentifyOutcome =
  | { kind: 'identified'; profile: CustomerProfile }
  /** Deliberately the same for an unknown email and a wrong factor. */
  | { kind: 'rejected'; attemptsLeft: number }
  | { kind: 'locked'; until: string };

/** A customer vouched for by the host page, until the token's expiry (ISO time). */
export interface SignedInCustomer {
  profile: CustomerProfile;
  expiresAt: string;
}

export interface IdentityService {
  /** A signed identity from the host page (channelData). Returns null when absent, forged or expired. */
  verifySignedIdentity(token: unknown, user: ChannelUser): Promise<SignedInCustomer | null>;
  /** Email plus one second factor on file: postcode or a past order number. */
  identify(user: ChannelUser, email: string, secondFactor: string): Promise<IdentifyOutcome>;
  /** Whether this channel user is currently locked out (before asking anything). */
  lockedUntil(user: ChannelUser): Promise<string | null>;
  /** The current profile (segment and consent may have changed since identification). */
  profile(customerId: string): Promise<CustomerProfile | null>;
}

export interface SuggestionContext {
  conversationId: string;
  profile: CustomerProfile | null;
  /** The customer's experiment variant (services/experiments): its strategy replaces the persona's. */
  treatment?: Treatment | null;
}

/** What the conversation asks for; whose suggestions they are (and whether they may be personal) the service decides. */
export type SuggestionQuery = Omit<SuggestionRequest, 'customerId'>;

export interface SuggestionService {
  suggest(context: SuggestionContext, query: SuggestionQuery): Promise<SuggestionResult>;
  /** The reason an item was suggested, for "why this?". */
  explain(context: SuggestionContext, productId: string): Promise<SuggestionReason | null>;
  record(context: SuggestionContext, kind: 'shown' | 'opened' | 'dismissed', items: { productId: string; reason: string }[]): Promise<void>;
  /** Resolve "the lantern" / a product id to a product id from the catalogue. */
  findProduct(text: string): Promise<{ id: string; name: string; price: number; currency: string } | null>;
}

export interface SurveyAnswers {
  csat: number | null;
  nps: number | null;
  comment: string | null;
  followsSuggestions: string[];
}

export interface FeedbackService {
  /** At most once in 30 days per customer; guests may always be offered (once per conversation, enforced by the dialog). */
  canOffer(customerId: string | null, now?: Date): Promise<boolean>;
  submit(context: SuggestionContext, answers: SurveyAnswers): Promise<void>;
}

export interface PrivacyService {
  setConsent(customerId: string, topic: 'marketing' | 'personalization', granted: boolean): Promise<Consent>;
  /** Everything we hold about the customer, as plain JSON-able data. */
  exportData(customerId: string): Promise<Record<string, unknown>>;
  /** Erase or anonymise personal data, keep anonymised orders and an audit record without personal data. */
  erase(customerId: string): Promise<void>;
}

export interface HandoffService {
  /** `reason`: the shopper's own words. Outside staffed hours `offline` says when someone is there. */
  request(conversationId: string, customerId: string | null, reason: string): Promise<{ handoffId: string; offline?: { hours: string; timeZone: string } }>;
}

export interface Services {
  identity: IdentityService;
  suggestions: SuggestionService;
  feedback: FeedbackService;
  privacy: PrivacyService;
  handoff: HandoffService;
  /** Experiments per segment: the customer's variant (absent = no experiments). */
  experiments?: ExperimentTreatments;
}
