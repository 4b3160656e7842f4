/**
 * Keeping segments fresh at start-up: build an engine from everything the store holds (so later orders can be
 * applied incrementally) and write the assignments back when the stored ones are stale or missing.
 * The source is described structurally, so the data layer's Repositories fits without this module importing it.
 */
import type { Customer, Order, Product, SegmentAssignment } from '../../domain/model';
import { isStale } from './assignments';
import { SegmentationEngine, type SegmentationEngineOptions } from './engine';
import type { SegmentDefinition } from './ruleSchema';

export interface SegmentSource {
  customers: { list(): Promise<Customer[]> };
  orders: { list(): Promise<Order[]> };
  catalog: { list(): Promise<Product[]> };
  segments: { list(): Promise<SegmentAssignment[]>; putMany(assignments: SegmentAssignment[]): Promise<void> };
}

export interface RefreshOptions extends Omit<SegmentationEngineOptions, 'categoryOf'> {
  /** The as-of instant for recency (default: now). */
  asOf?: Date;
  /** Stored assignments older than this are recomputed and written. */
  maxAgeMs: number;
  /** Write even when the stored assignments are fresh (the segment command). */
  force?: boolean;
}

export interface RefreshResult {
  engine: SegmentationEngine;
  assignments: readonly SegmentAssignment[];
  /** True when the assignments were written back. */
  written: boolean;
  staleBefore: boolean;
}

export async function refreshSegments(source: SegmentSource, definitions: readonly SegmentDefinition[], options: RefreshOptions): Promise<RefreshResult> {
  const [customers, orders, products, previous] = await Promise.all([
    source.customers.list(), source.orders.list(), source.catalog.list(), source.segments.list(),
  ]);
  const now = options.clock?.() ?? new Date();
  const categories = new Map(products.map((p) => [p.id, p.category]));
  const engine = new SegmentationEngine(definitions, { ...options, categoryOf: (id) => categories.get(id) });
  const assignments = engine.computeAll(customers, orders, options.asOf ?? now, previous);
  const staleBefore = isStale(previous, now, options.maxAgeMs) || previous.length !== assignments.length;
  const written = staleBefore || options.force === true;
  if (written) await source.segments.putMany([...assignments]);
  return { engine, assignments, written, staleBefore };
}
