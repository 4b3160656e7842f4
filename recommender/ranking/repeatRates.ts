/**
 * How often an item is bought again by the same customer: staples (tea lights, bags) are reordered, one-off
 * gifts rarely are. rate(i) = (customers who ordered i twice or more + 1) / (customers who ordered i + 2).
 */
export class RepeatRates {
  private readonly buyers: number[] = [];
  private readonly repeaters: number[] = [];

  /** Call with the number of earlier orders of this customer holding the item. */
  record(item: number, earlierOrders: number): void {
    while (this.buyers.length <= item) {
      this.buyers.push(0);
      this.repeaters.push(0);
    }
    if (earlierOrders === 0) this.buyers[item]++;
    else if (earlierOrders === 1) this.repeaters[item]++;
  }

  rate(item: number): number {
    return ((this.repeaters[item] ?? 0) + 1) / ((this.buyers[item] ?? 0) + 2);
  }
}
