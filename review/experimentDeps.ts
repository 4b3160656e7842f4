/**
 * What the experiment and attribution pages need besides the review context, and who may use them: admins and
 * marketers (the staff sessions' role check).
 */
import type { Request } from 'restify';
import type { OrderRepository, SegmentRepository } from '../data/ports';
import type { StaffAccount } from '../data/console/schema';
import type { ExperimentService } from '../services/experiments/experimentService';
import type { ReviewContext } from './deps';

export interface MarketingInsights {
  experiments: ExperimentService;
  orders: Pick<OrderRepository, 'list'>;
  segments: Pick<SegmentRepository, 'list'>;
  /** ATTRIBUTION_WINDOW_DAYS. */
  attributionWindowDays: number;
  /** CLV_EXPECTED_YEARS. */
  clvExpectedYears: number;
}

export interface MarketingInsightDeps {
  /** Without it the experiment and attribution routes are not registered. */
  insights?: MarketingInsights;
}

export const INSIGHT_ROLES: readonly StaffAccount['role'][] = ['admin', 'marketer'];

export async function requireInsightRole(ctx: ReviewContext, req: Request): Promise<StaffAccount> {
  return ctx.sessions.requireRole(req, INSIGHT_ROLES, 'Only admins and marketers can see experiments and attribution.');
}

export function csvHeaders(filename: string): Record<string, string> {
  return {
    'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-store',
    'content-disposition': `attachment; filename="${filename}"`,
  };
}
