/**
 * The price distribution of single-unit purchases: every order that bought an item one at a time counts once, at the
 * item's catalogue price, by count (how many purchases) and by spend (how much money). It is what "a present costs in
 * this shop" means, learnt from the orders; gift requests measure how close an item sits to the shopper's budget
 * against it, never against a fixed price cut.
 */
import type { RecommenderIndex } from './recommenderIndex';

export class SinglePurchasePrices {
  /** Distinct prices, ascending. */
  private readonly prices: Float64Array;
  /** cumulative[k]: single-unit purchases priced at or below prices[k]. */
  private readonly cumulative: Float64Array;
  /** cumulativeSpend[k]: money spent on single-unit purchases priced at or below prices[k]. */
  private readonly cumulativeSpend: Float64Array;
  /** The entries' items by price, with their prices: a budget's items are one slice of it. */
  private readonly items: Int32Array;
  private readonly itemPrices: Float64Array;

  constructor(entries: readonly { price: number; count: number; item?: number }[]) {
    const byPrice = new Map<number, number>();
    for (const { price, count } of entries) if (count > 0 && Number.isFinite(price)) byPrice.set(price, (byPrice.get(price) ?? 0) + count);
    const sorted = [...byPrice].sort((a, b) => a[0] - b[0]);
    this.prices = Float64Array.from(sorted, ([price]) => price);
    this.cumulative = new Float64Array(sorted.length);
    this.cumulativeSpend = new Float64Array(sorted.length);
    let count = 0;
    let spend = 0;
    sorted.forEach(([price, purchases], k) => {
      count += purchases;
      spend += price * purchases;
      this.cumulative[k] = count;
      this.cumulativeSpend[k] = spend;
    });
    const withItems = entries.filter((e) => e.item !== undefined && e.count > 0 && Number.isFinite(e.price)).sort((a, b) => a.price - b.price);
    this.items = Int32Array.from(withItems, (e) => e.item ?? -1);
    this.itemPrices = Float64Array.from(withItems, (e) => e.price);
  }

  /** Visits the items bought singly whose price is within [min, max], cheapest first, with their price. */
  forEachItemWithin(min: number, max: number, visit: (item: number, price: number) => void): void {
    let low = 0;
    let high = this.itemPrices.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.itemPrices[middle] < min) low = middle + 1;
      else high = middle;
    }
    for (let k = low; k < this.itemPrices.length && this.itemPrices[k] <= max; k++) visit(this.items[k], this.itemPrices[k]);
  }

  get totalSpend(): number {
    return this.cumulativeSpend.length > 0 ? this.cumulativeSpend[this.cumulativeSpend.length - 1] : 0;
  }

  /** Money spent on single-unit purchases priced strictly below `price`. */
  spendBelow(price: number): number {
    const k = this.lastIndexAtOrBelow(price);
    if (k < 0) return 0;
    return this.prices[k] === price ? (k > 0 ? this.cumulativeSpend[k - 1] : 0) : this.cumulativeSpend[k];
  }

  /** Money spent on single-unit purchases priced at or below `price`. */
  spendAtMost(price: number): number {
    const k = this.lastIndexAtOrBelow(price);
    return k < 0 ? 0 : this.cumulativeSpend[k];
  }

  get total(): number {
    return this.cumulative.length > 0 ? this.cumulative[this.cumulative.length - 1] : 0;
  }

  /** Purchases priced at or below `price`. */
  atMost(price: number): number {
    const k = this.lastIndexAtOrBelow(price);
    return k < 0 ? 0 : this.cumulative[k];
  }

  /** Purchases priced strictly below `price`. */
  below(price: number): number {
    const k = this.lastIndexAtOrBelow(price);
    if (k < 0) return 0;
    return this.prices[k] === price ? (k > 0 ? this.cumulative[k - 1] : 0) : this.cumulative[k];
  }

  private lastIndexAtOrBelow(price: number): number {
    let low = 0;
    let high = this.prices.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.prices[middle] <= price) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }
}

const cache = new WeakMap<RecommenderIndex, { revision: number; prices: SinglePurchasePrices }>();

/**
 * The index's distribution. A rebuild is one pass and a sort over the items bought singly, so it is not redone for
 * every order: it is reused until the changes since it was built exceed 1 % of the single-unit purchases it holds
 * (in a small shop, that is every change; a few orders more barely move a distribution of thousands).
 */
export function singlePurchasePrices(index: RecommenderIndex): SinglePurchasePrices {
  const cached = cache.get(index);
  if (cached && index.revision >= cached.revision && index.revision - cached.revision <= cached.prices.total / 100) return cached.prices;
  const entries: { price: number; count: number; item: number }[] = [];
  for (const item of index.singleUnit.top()) {
    const product = index.catalog.product(item);
    if (product) entries.push({ price: product.price, count: index.singleUnit.get(item), item });
  }
  const prices = new SinglePurchasePrices(entries);
  cache.set(index, { revision: index.revision, prices });
  return prices;
}
