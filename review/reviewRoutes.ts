/**
 * The staff review API under /api/review. Every route requires a staff session except sign-in,
 * sign-out and the sign-in status. Bodies and query parameters are validated (400 with the reason).
 */
import type { Server } from 'restify';
import { registerAuthRoutes } from './authRoutes';
import { registerConversationRoutes } from './conversationRoutes';
import { createReviewContext, type ReviewDeps } from './deps';
import { registerHandoffRoutes } from './handoffs';
import { registerKpiRoutes } from './kpiRoutes';
import { registerLiveChatRoutes } from './liveChat';

export type { ReviewDeps } from './deps';

export function registerReviewRoutes(server: Server, deps: ReviewDeps): void {
  const ctx = createReviewContext(deps);
  registerAuthRoutes(server, ctx);
  registerConversationRoutes(server, ctx);
  registerHandoffRoutes(server, ctx);
  registerKpiRoutes(server, ctx);
  registerLiveChatRoutes(server, ctx, deps.shopperChannel);
}
