/**
 * Every basket (one order's distinct items) and, per item, the baskets holding it: the shared structure of the
 * co-purchase graphs. The short- and long-memory graphs see the same baskets and differ only in how each basket
 * weighs, so they read one log instead of each keeping a copy (half the build work and memory).
 * Baskets are stored back to back in one buffer: basket b = items[start[b] .. start[b + 1]].
 */
export class BasketLog {
  private itemBuffer = new Int32Array(1024);
  private readonly starts: number[] = [0];
  /** Per item, the baskets holding it, oldest first. */
  readonly basketsOf: number[][] = [];

  get size(): number {
    return this.starts.length - 1;
  }

  /** The flat item buffer (read it with `start`); valid until the next `add`. */
  get items(): Int32Array {
    return this.itemBuffer;
  }

  /** Where basket b starts in `items` (basket b ends where b + 1 starts). */
  start(basket: number): number {
    return this.starts[basket];
  }

  /** Appends a basket of distinct item indices and returns its number. */
  add(items: readonly number[]): number {
    const basket = this.size;
    const start = this.starts[basket];
    if (start + items.length > this.itemBuffer.length) {
      const grown = new Int32Array(Math.max(start + items.length, this.itemBuffer.length * 2));
      grown.set(this.itemBuffer);
      this.itemBuffer = grown;
    }
    this.itemBuffer.set(items, start);
    this.starts.push(start + items.length);
    for (const item of items) {
      while (this.basketsOf.length <= item) this.basketsOf.push([]);
      this.basketsOf[item].push(basket);
    }
    return basket;
  }
}
