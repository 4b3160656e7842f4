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

  /**
   * Adds one order's distinct items with their units; returns, per item, how many earlier orders of this customer held
   * it (0: a first purchase).
   */
  addOrder(items: readonly number[], units: readonly number[], time: number): number[] {
    this.orders++;
    let at = this.baskets.length;
    while (at > 0 && this.baskets[at - 1].time > time) at--;
    if (at === this.baskets.length) this.baskets.push({ time, items });
    else this.baskets.splice(at, 0, { time, items });
    if (time > this.lastTime) this.lastTime = time;
    const earlier = new Array<number>(items.length);
    for (let n = 0; n < items.length; n++) {
      const seen = this.items.get(items[n]);
      if (seen) {
        earlier[n] = seen.orders;
        seen.orders++;
        seen.units += units[n];
        if (time > seen.lastTime) seen.lastTime = time;
      } else {
        earlier[n] = 0;
        this.items.set(items[n], { orders: 1, units: units[n], lastTime: time });
      }
    }
    return earlier;
  }
}
