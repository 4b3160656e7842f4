/**
 * Segments are refreshed after start, so a stale store never delays the first reply. The engine is kept: order
 * intake and the change feed apply each new order to it incrementally (and wait for it until then).
 */
import type { Config } from './config';
import type { Repositories } from '../data/ports';
import type { Logger } from '../logging/logger';
import { defaultSegmentDefinitions, refreshSegments, type SegmentationEngine } from '../recommender/segmentation';
import type { ErasureHooks } from './erasureHooks';
import type { ModelCache } from '../domain/modelCache';

/** The engine once the start-up refresh is done; null when it failed (the bot runs on without segments). */
export type KeptSegmentation = Promise<SegmentationEngine | null>;

export function startSegmentation(
  repositories: Repositories, config: Config, log: Logger, refreshSegmentGroups: () => Promise<void>, erasure: ErasureHooks,
  modelCache?: ModelCache,
): KeptSegmentation {
  // Erased customers keep only an anonymous stub: they get no segment.
  const activeCustomers = { list: async () => (await repositories.customers.list()).filter((c) => !c.erasedAt) };
  const segmentation = refreshSegments({ ...repositories, customers: activeCustomers }, defaultSegmentDefinitions(), {
    maxAgeMs: config.SEGMENT_MAX_AGE_HOURS * 3_600_000,
    // The cluster fit (k-means, silhouettes) is restored when the customers' features are the same as at a former start.
    modelCache,
    // One overflowing order (stored before orders were bounded) is left out; everyone else still gets segments.
    onOrderLeftOut: (order, reason) => log.warn('order left out of segments', { orderId: order.id, reason }),
  }).then(async ({ engine, written, assignments }) => {
    if (written) {
      log.info('segments recomputed', { customers: assignments.length });
      await refreshSegmentGroups().catch((error: unknown) => log.error('segment groups not refreshed', { error }));
    }
    return engine;
  }, (error: unknown) => {
    log.error('segment refresh failed', { error });
    return null;
  });
  // The kept engine re-keys the erased customer to the pseudonym, as the store does.
  erasure.add(async (customerId, pseudonym) => { (await segmentation)?.reassignCustomer(customerId, pseudonym); });
  return segmentation;
}
