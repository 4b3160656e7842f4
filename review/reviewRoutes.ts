/**
 * The staff review API under /api/review. Every route requires a staff session except sign-in,
 * sign-out and the sign-in status. Bodies and query parameters are validated (400 with the reason).
 * Changes (POST, PUT, PATCH, DELETE) take JSON only and only from the console's own origin (forgeryGuard.ts).
 */
import type { Server } from 'restify';
import { registerAuthRoutes } from './authRoutes';
import { registerCampaignRoutes } from './campaignRoutes';
import { registerConversationRoutes } from './conversationRoutes';
import { createReviewContext, type ReviewDeps } from './deps';
import { consoleForgeryGuard } from './forgeryGuard';
import { registerHandoffRoutes } from './handoffs';
import { registerKpiRoutes } from './kpiRoutes';
import { registerLiveChatRoutes } from './liveChat';
import type { MarketingInsightDeps } from './experimentDeps';
import { registerExperimentRoutes } from './experimentRoutes';
import { registerAttributionRoutes } from './attributionRoutes';

export type { ReviewDeps } from './deps';

export function registerReviewRoutes(server: Server, deps: ReviewDeps & MarketingInsightDeps): void {
  // Before routing and body parsing: forged (cross-site or non-JSON) changes never reach a handler.
  server.pre(consoleForgeryGuard({ allowedOrigins: deps.allowedOrigins ?? [], trustProxy: deps.trustProxy ?? false }));
  const ctx = createReviewContext(deps);
  registerAuthRoutes(server, ctx);
  registerConversationRoutes(server, ctx);
  registerHandoffRoutes(server, ctx);
  registerKpiRoutes(server, ctx);
  registerLiveChatRoutes(server, ctx, deps.shopperChannel);
  if (deps.campaigns) registerCampaignRoutes(server, ctx, deps.campaigns);
  if (deps.insights) {
    registerExperimentRoutes(server, ctx, deps.insights);
    registerAttributionRoutes(server, ctx, deps.insights);
  }
}
