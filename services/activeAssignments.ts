/**
 * Segmentation engines keep customers erased since they were built (their aggregates stay in memory until a
 * restart) and relabel them when a quintile edge moves. An erased customer must never get a segment again, so
 * every path that stores assignments keeps only those of active customers.
 */
import type { CustomerRepository } from '../data/ports';
import type { SegmentAssignment } from '../domain/model';

export async function onlyActiveCustomers(customers: Pick<CustomerRepository, 'get'>, assignments: readonly SegmentAssignment[]): Promise<SegmentAssignment[]> {
  const records = await Promise.all(assignments.map((a) => customers.get(a.customerId)));
  return assignments.filter((_, i) => {
    const customer = records[i];
    return customer !== undefined && !customer.erasedAt;
  });
}
