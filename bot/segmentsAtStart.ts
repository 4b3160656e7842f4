/**
 * Keeps segment assignments fresh: at start, when any customer has no assignment or the assignments are
 * older than the configured age, they are recomputed from the store with each customer's history carried forward.
 */
import type { Repositories } from '../data/ports';
import { SegmentationEngine, defaultSegmentDefinitions, isStale } from '../recommender/segmentation';
import type { Logger } from '../services/logger';

/** Resolves true when it recomputed (and stored) the assignments. */
export async function refreshSegments(repositories: Repositories, maxAgeHours: number, log: Logger, now = new Date()): Promise<boolean> {
  const [customers, previous] = await Promise.all([repositories.customers.list(), repositories.segments.list()]);
  const active = customers.filter((c) => !c.erasedAt);
  const missing = previous.length < active.length;
  if (!missing && !isStale(previous, now, maxAgeHours * 3_600_000)) return false;

  const started = Date.now();
  const categories = new Map((await repositories.catalog.list()).map((p) => [p.id, p.category]));
  const engine = new SegmentationEngine(defaultSegmentDefinitions(), { categoryOf: (id) => categories.get(id), clock: () => now });
  const assignments = engine.computeAll(active, await repositories.orders.list(), now, previous);
  await repositories.segments.putMany(assignments);
  log.info('segments recomputed', { customers: assignments.length, ms: Date.now() - started, reason: missing ? 'missing' : 'stale' });
  return true;
}
