/** What one customer bought: per item the number of orders holding it and the last time. */
export interface ItemPurchases {
  orders: number;
  units: number;
  lastTime: number;
}

export class CustomerHistory {
  readonly items = new Map<number, ItemPurchases>();
  /** Each order's items, oldest first (ties keep arrival order). */
  readonly baskets: { time: number; items: readonly number[] }[] = [];
  orders = 0;
  lastTime = Number.NEGATIVE_INFINITY;

  addOrder(lines: ReadonlyMap<number, number>, time: number): void {
    this.orders++;
    let at = this.baskets.length;
    while (at > 0 && this.baskets[at - 1].time > time) at--;
    this.baskets.splice(at, 0, { time, items: [...lines.keys()] });
    if (time > this.lastTime) this.lastTime = time;
    for (const [item, units] of lines) {
      const seen = this.items.get(item);
      if (seen) {
        seen.orders++;
        seen.units += units;
        if (time > seen.lastTime) seen.lastTime = time;
      } else {
        this.items.set(item, { orders: 1, units, lastTime: time });
      }
    }
  }
}
