/**
 * Dense integer ids for products, so every per-item structure in the index can be an array.
 * Products unknown to the catalogue (an order line for a delisted item) are registered as
 * placeholders: they count for popularity and co-purchase but are never suggestable.
 */
import { isChargeLine } from '../../domain/chargeLines';
import type { Product } from '../../domain/model';

const WORD = /[a-z0-9]+/g;

export function tokenize(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

export class ItemCatalog {
  private readonly indexById = new Map<string, number>();
  private readonly ids: string[] = [];
  private readonly products: (Product | null)[] = [];
  /** Per item: a charge line ("Next Day Carriage"), decided once per listing (domain/chargeLines.ts). */
  private readonly charges: boolean[] = [];
  /** addedAt as epoch ms (NaN when unknown), parsed once. */
  private readonly addedTimes: number[] = [];
  /** Token -> items whose name, category or tags contain it (keyword constraints without a scan). */
  private readonly tokenIndex = new Map<string, number[]>();
  private readonly byCategory = new Map<string, number[]>();
  /** Per item: the distinct words of its name (the same-range signal compares names). */
  private readonly nameWords: string[][] = [];
  /** Per item, the number of items listed under each of its name words (nameTokens order); cleared by any listing change. */
  private readonly holderCounts: (readonly number[] | undefined)[] = [];
  private newestCache: number[] | null = null;
  private upserts = 0;
  private medianPriceCache = new Map<string, number>();

  /** Bumped by every upsert: caches built from the catalogue (e.g. a product finder) compare it. */
  get revision(): number {
    return this.upserts;
  }

  get size(): number {
    return this.products.length;
  }

  indexOf(productId: string): number | undefined {
    return this.indexById.get(productId);
  }

  product(item: number): Product | null {
    return this.products[item] ?? null;
  }

  /** Charges are order lines, not goods: never suggested. */
  isCharge(item: number): boolean {
    return this.charges[item] === true;
  }

  idOf(item: number): string {
    const id = this.ids[item];
    if (id === undefined) throw new Error(`unknown item index ${item}`);
    return id;
  }

  /**
   * Adds or replaces a product; returns its dense index. A product whose name, category or tags changed is re-listed
   * under its new words and category, so an updated catalogue reads exactly like one built from the new products.
   */
  upsert(product: Product): number {
    const item = this.indexById.get(product.id) ?? this.register(product.id);
    const before = this.products[item];
    const relist = !before || !sameListing(before, product);
    if (before && relist) this.unlist(item, before);
    this.products[item] = product;
    this.charges[item] = isChargeLine(product.name);
    this.addedTimes[item] = product.addedAt ? Date.parse(product.addedAt) : Number.NaN;
    this.newestCache = null;
    this.medianPriceCache.clear();
    if (relist) {
      this.list(item, product);
      this.holderCounts.length = 0;
    }
    this.upserts++;
    return item;
  }

  private list(item: number, product: Product): void {
    this.nameWords[item] = [...new Set(tokenize(product.name))];
    for (const word of listedWords(product)) pushTo(this.tokenIndex, word, item);
    pushTo(this.byCategory, product.category, item);
  }

  private unlist(item: number, product: Product): void {
    for (const word of listedWords(product)) removeFrom(this.tokenIndex, word, item);
    removeFrom(this.byCategory, product.category, item);
  }

  /** The index of a product id, registering a placeholder when it is not in the catalogue. */
  ensure(productId: string): number {
    return this.indexById.get(productId) ?? this.register(productId);
  }

  addedTime(item: number): number {
    return this.addedTimes[item] ?? Number.NaN;
  }

  /** Distinct words of the item's name (none for placeholders). */
  nameTokens(item: number): readonly string[] {
    return this.nameWords[item] ?? [];
  }

  /** How many items are found by each word of the item's name (aligned with nameTokens): cached, as requests read it often. */
  nameTokenHolders(item: number): readonly number[] {
    let counts = this.holderCounts[item];
    if (!counts) {
      counts = this.nameTokens(item).map((word) => this.itemsWithToken(word).length);
      this.holderCounts[item] = counts;
    }
    return counts;
  }

  itemsWithToken(word: string): readonly number[] {
    return this.tokenIndex.get(word) ?? [];
  }

  itemsInCategory(category: string): readonly number[] {
    return this.byCategory.get(category) ?? [];
  }

  /** Listed products with an `addedAt`, newest first (cached until the catalogue changes). */
  newest(): readonly number[] {
    if (!this.newestCache) {
      const dated = this.addedTimes.flatMap((time, item) => (Number.isNaN(time) || !this.products[item] ? [] : [{ item, time }]));
      dated.sort((a, b) => b.time - a.time || a.item - b.item);
      this.newestCache = dated.map((d) => d.item);
    }
    return this.newestCache;
  }

  /** Median price of a category: the yardstick for "premium" and "good value". */
  medianPrice(category: string): number {
    const cached = this.medianPriceCache.get(category);
    if (cached !== undefined) return cached;
    const prices = this.itemsInCategory(category).map((item) => this.products[item]?.price ?? 0).sort((a, b) => a - b);
    const median = prices.length === 0 ? 0 : prices[Math.floor(prices.length / 2)];
    this.medianPriceCache.set(category, median);
    return median;
  }

  categories(): string[] {
    return [...this.byCategory.keys()];
  }

  private register(productId: string): number {
    const item = this.products.length;
    this.indexById.set(productId, item);
    this.ids.push(productId);
    this.products.push(null);
    this.addedTimes.push(Number.NaN);
    return item;
  }
}

/** The words a product is found by: its name, category and tags. */
function listedWords(product: Product): Set<string> {
  return new Set([...tokenize(product.name), ...tokenize(product.category), ...product.tags.flatMap(tokenize)]);
}

function sameListing(a: Product, b: Product): boolean {
  return a.name === b.name && a.category === b.category && a.tags.length === b.tags.length && a.tags.every((tag, i) => tag === b.tags[i]);
}

function removeFrom(map: Map<string, number[]>, key: string, item: number): void {
  const list = map.get(key);
  const at = list ? list.indexOf(item) : -1;
  if (!list || at < 0) return;
  list.splice(at, 1);
  if (list.length === 0) map.delete(key);
}

function pushTo(map: Map<string, number[]>, key: string, item: number): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}
