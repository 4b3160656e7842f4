/** What the review API needs from the composition root, and the context its route modules share. */
import { randomUUID } from 'node:crypto';
import type { AuditRepository, CatalogRepository, CustomerRepository, FeedbackRepository, SuggestionEventRepository } from '../data/ports';
import type { ConsoleRepositories } from '../data/consolePorts';
import type { AuditEntry } from '../domain/model';
import type { ErrorLogger } from '../logging/logger';
import { DEFAULT_THROTTLE, LoginThrottle, type ThrottleLimits } from './loginThrottle';
import { StaffSessions } from './sessions';
import type { ShopperChannel } from './liveChat';
import type { CampaignService } from '../services/campaigns/campaignService';

export interface ReviewDeps {
  /** Transcripts, staff, handoffs and the login throttle's store (lowdb or PostgreSQL). */
  consoleData: ConsoleRepositories;
  customers: CustomerRepository;
  feedback: FeedbackRepository;
  suggestionEvents: SuggestionEventRepository;
  audit: AuditRepository;
  /** Product names for suggestion tables and reasons (ids alone mean nothing to staff). */
  catalog?: Pick<CatalogRepository, 'get'>;
  logger: ErrorLogger;
  /** Take the client address from X-Forwarded-For (set only behind a reverse proxy you run). Default false. */
  trustProxy?: boolean;
  /** Origins besides the console's own that may send changes (CONSOLE_ALLOWED_ORIGINS). Default none. */
  allowedOrigins?: readonly string[];
  /** Default 480 (8 hours). */
  sessionTtlMinutes?: number;
  throttle?: Partial<ThrottleLimits>;
  /** Persona names for the segment panel. */
  describePersona?: (personaId: string) => { name: string; description: string } | undefined;
  now?: () => Date;
  /** Delivers agents' messages to the shopper (live handoff); without it messages are only recorded. */
  shopperChannel?: ShopperChannel;
  /** Campaigns to a segment (/api/review/campaigns); without it those routes are not registered. */
  campaigns?: CampaignService;
}

export interface ReviewContext {
  deps: ReviewDeps;
  sessions: StaffSessions;
  throttle: LoginThrottle;
  trustProxy: boolean;
  now: () => Date;
  audit(entry: Omit<AuditEntry, 'id' | 'at'>): Promise<void>;
}

export function createReviewContext(deps: ReviewDeps): ReviewContext {
  const now = deps.now ?? (() => new Date());
  return {
    deps,
    now,
    trustProxy: deps.trustProxy ?? false,
    sessions: new StaffSessions(deps.consoleData.staff, (deps.sessionTtlMinutes ?? 480) * 60_000, now),
    throttle: new LoginThrottle(deps.consoleData.loginThrottle, { ...DEFAULT_THROTTLE, ...deps.throttle }),
    audit: (entry) => deps.audit.add({ id: randomUUID(), at: now().toISOString(), ...entry }),
  };
}
