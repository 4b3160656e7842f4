/**
 * One identified customer as a turn needs them, in one round trip: the record, the segment assignment and the
 * products they dismissed (only those ids, not every suggestion event). The turn's pending dismissals are added.
 */
import type { Pool } from 'pg';
import type { Customer, SegmentAssignment } from '../../domain/model';
import { storable } from './pool';
import { activeTurn } from './turnSession';

export function postgresCustomerSnapshots(pool: Pool) {
  return async (customerId: string): Promise<{ customer: Customer | undefined; segment: SegmentAssignment | undefined; dismissedProductIds: string[] }> => {
    const { rows: [row] } = await pool.query<{ customer: Customer | null; segment: SegmentAssignment | null; dismissed: string[] | null }>(
      `SELECT (SELECT doc FROM customers WHERE id = $1) AS customer,
              (SELECT doc FROM segments WHERE customer_id = $1) AS segment,
              ARRAY(SELECT doc->>'productId' FROM suggestion_events WHERE customer_id = $1 AND doc->>'kind' = 'dismissed' ORDER BY seq) AS dismissed`,
      [storable(customerId)]);
    const pending = activeTurn()?.pendingEvents.filter((e) => e.customerId === customerId && e.kind === 'dismissed').map((e) => e.productId) ?? [];
    return { customer: row?.customer ?? undefined, segment: row?.segment ?? undefined, dismissedProductIds: [...(row?.dismissed ?? []), ...pending] };
  };
}
