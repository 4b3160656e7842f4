/**
 * The review API (and console pages) with experiments and attribution on a real loopback server: the review fixture,
 * plus identified suggestion events, orders and segments with hand-computed attribution and lifetime value, and a
 * real lowdb experiment file. Staff: an admin and an agent.
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createJsonServer } from '../../support/jsonServer';
import { LowdbExperimentRepository } from '../../../data/lowdb/experimentRepository';
import type { Order, SegmentAssignment, SegmentSnapshot, SuggestionEvent } from '../../../domain/model';
import { registerReviewRoutes } from '../../../review/reviewRoutes';
import { registerWebRoutes } from '../../../review/webRoutes';
import { createStaffAccount } from '../../../review/staffAccounts';
import { ExperimentService } from '../../../services/experiments/experimentService';
import { AT_RISK, buildFixture, CHAMPIONS, type Fixture } from './fixture';
import { withTempDir } from './tempDir';

export const ADMIN = { email: 'admin@shop.test', password: 'correct horse battery' };
export const AGENT = { email: 'agent@shop.test', password: 'another long passphrase' };
export const NOW = new Date('2026-11-22T12:00:00Z');

export interface InsightsServer {
  base: string;
  errors: string[];
  fixture: Fixture;
  experiments: ExperimentService;
  close(): Promise<void>;
}

const event = (id: string, conversationId: string, customerId: string, productId: string, kind: SuggestionEvent['kind'], at: string, segment: SegmentSnapshot): SuggestionEvent =>
  ({ id, conversationId, customerId, productId, kind, reason: 'Bought by customers like you', segment, at });

const assignment = (customerId: string, segment: SegmentSnapshot): SegmentAssignment => ({
  customerId, rfm: { recencyDays: 10, frequency: 2, monetary: 30, r: 3, f: 3, m: 3, label: segment.rfmLabel }, rules: [],
  primary: segment.primary, persona: segment.persona, computedAt: NOW.toISOString(), history: [],
});

/**
 * B (at risk) was shown P1 in x1 on 20 Nov and bought 2 × P1 at 3.50 plus P9 at 3 on 21 Nov: 7 of 10 attributed.
 * C (champions) was shown and opened P2 in x2 on 20 Nov and bought P2 at 20 on 22 Nov: 20 attributed; C's order of
 * 1 Oct (P2 at 10) came before any suggestion. Totals: 2 touched conversations, 2 converted, 27 attributed, AOV 15.
 */
export const INSIGHT_EVENTS: SuggestionEvent[] = [
  event('ix1', 'x1', 'B', 'P1', 'shown', '2026-11-20T10:00:00Z', AT_RISK),
  event('ix2', 'x2', 'C', 'P2', 'shown', '2026-11-20T11:00:00Z', CHAMPIONS),
  event('ix3', 'x2', 'C', 'P2', 'opened', '2026-11-20T11:05:00Z', CHAMPIONS),
];
export const INSIGHT_ORDERS: Order[] = [
  { id: 'oB1', customerId: 'B', date: '2026-11-21T09:00:00Z', lines: [{ productId: 'P1', quantity: 2, unitPrice: 3.5 }, { productId: 'P9', quantity: 1, unitPrice: 3 }] },
  { id: 'oC0', customerId: 'C', date: '2026-10-01T09:00:00Z', lines: [{ productId: 'P2', quantity: 1, unitPrice: 10 }] },
  { id: 'oC1', customerId: 'C', date: '2026-11-22T09:00:00Z', lines: [{ productId: 'P2', quantity: 1, unitPrice: 20 }] },
];

export async function startInsightsServer(options: { webRoot?: string } = {}): Promise<InsightsServer> {
  const temp = await withTempDir();
  const fixture = await buildFixture(temp.dir);
  const repos = fixture.commerce.repositories;
  await repos.suggestionEvents.add(INSIGHT_EVENTS);
  for (const order of INSIGHT_ORDERS) await repos.orders.add(order);
  await repos.segments.putMany([assignment('B', AT_RISK), assignment('C', CHAMPIONS)]);
  await createStaffAccount(fixture.console.staff, { ...ADMIN, role: 'admin' }, NOW);
  await createStaffAccount(fixture.console.staff, { ...AGENT, role: 'agent' }, NOW);
  const repository = await LowdbExperimentRepository.open(join(temp.dir, 'store.json.experiments.json'));
  const experiments = new ExperimentService({ repository, now: () => NOW, cacheMs: 0 });
  const server = createJsonServer();
  const errors: string[] = [];
  const logger = { warn: () => {}, error: (msg: string, fields?: Record<string, unknown>) => errors.push(`${msg} ${String(fields?.error)}`) };
  registerReviewRoutes(server, {
    consoleData: fixture.console, customers: repos.customers, feedback: repos.feedback, suggestionEvents: repos.suggestionEvents,
    audit: repos.audit, logger, now: () => NOW,
    insights: { experiments, orders: repos.orders, segments: repos.segments, attributionWindowDays: 7, clvExpectedYears: 3 },
  });
  if (options.webRoot) registerWebRoutes(server, { webRoot: options.webRoot, demoMode: false, logger });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`, errors, fixture, experiments,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await repository.close();
      await fixture.close(); // both stores: the console journal too, not left to the garbage collector
      await temp.cleanup();
    },
  };
}
