/**
 * An order's lines merged per item (an item on two lines counts once, with the units summed), in first-seen order:
 * the shape every index structure takes. Reuses one dense item -> position array instead of a Map per order.
 */
import type { Order } from '../../domain/model';
import type { ItemCatalog } from './catalog';

export interface MergedLines {
  /** Distinct item indices, in the order of their first line. */
  items: number[];
  /** Units per item (aligned with `items`). */
  units: number[];
}

export class OrderLineMerger {
  /** item -> position in the current order + 1 (0: not in it); all 0 between calls. */
  private positions = new Int32Array(1024);

  merge(order: Order, catalog: ItemCatalog): MergedLines {
    const items: number[] = [];
    const units: number[] = [];
    for (const line of order.lines) {
      const item = catalog.ensure(line.productId);
      if (item >= this.positions.length) {
        const grown = new Int32Array(Math.max(item + 1, this.positions.length * 2));
        grown.set(this.positions);
        this.positions = grown;
      }
      const at = this.positions[item];
      if (at === 0) {
        items.push(item);
        units.push(0 + line.quantity);
        this.positions[item] = items.length;
      } else {
        units[at - 1] += line.quantity;
      }
    }
    for (const item of items) this.positions[item] = 0;
    return { items, units };
  }
}
