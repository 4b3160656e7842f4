/**
 * Applies the database's change feed (data/postgres/changeFeed.ts) to this instance's in-memory state: products to
 * the recommender index, orders to the index and the kept segmentation engine, new or changed customers to the
 * engine, erasures as a re-key of the engine and a rebuild of the index. Every step is idempotent, so changes this
 * instance made itself (already applied when it made them) pass through harmlessly. Assignments that change here are
 * also saved: an instance that took an order before it had applied another instance's earlier one saved an
 * assignment missing that order, and this write brings the stored segments up to date.
 */
import type { ChangeHandler } from '../data/postgres/changeFeed';
import type { SegmentAssignment } from '../domain/model';
import type { SegmentationEngine } from '../recommender/segmentation';
import type { CatalogIndexUpdater } from '../services/catalogUpdates';
import type { RecommenderUpdater } from '../services/orderIntake';

export interface ChangeTargets {
  recommender: RecommenderUpdater & CatalogIndexUpdater;
  /** The kept segmentation engine once the start-up refresh is done (null when it failed). */
  segmentation: () => Promise<Pick<SegmentationEngine, 'applyOrder' | 'upsertCustomer' | 'reassignCustomer'> | null>;
  rebuildRecommender: () => Promise<void>;
  /** Stores changed assignments (of active customers only: an erased customer never gets a segment again). */
  saveSegments?: (assignments: SegmentAssignment[]) => Promise<void>;
  now?: () => Date;
}

export function applyChanges(targets: ChangeTargets): ChangeHandler {
  return async ({ products, customers, orders, erasures }) => {
    if (products.length) targets.recommender.upsertProducts(products);
    const engine = await targets.segmentation();
    const now = targets.now?.() ?? new Date();
    const changed: SegmentAssignment[] = [];
    for (const customer of customers) {
      if (engine && !customer.erasedAt) changed.push(...engine.upsertCustomer(customer, now));
    }
    for (const order of orders) {
      targets.recommender.addOrder(order);
      if (engine) changed.push(...engine.applyOrder(order, now));
    }
    // The instance that erased has re-keyed its engine already (false here): only the others rebuild.
    const rekeyed = erasures.filter((e) => !engine || engine.reassignCustomer(e.customerId, e.pseudonym));
    if (rekeyed.length) await targets.rebuildRecommender();
    if (!changed.length) return;
    const latest = latestPerCustomer(changed);
    await targets.saveSegments?.(latest);
    await targets.recommender.updateSegmentLabels(latest);
  };
}

function latestPerCustomer(assignments: readonly SegmentAssignment[]): SegmentAssignment[] {
  return [...new Map(assignments.map((a) => [a.customerId, a])).values()];
}
