/**
 * Deterministic synthetic shop for the recommender benchmark: products in the real categories with skewed
 * popularity, customers with a few favourite "themes" (runs of related products) that they reorder from.
 * Orders are generated lazily so 10M order lines never sit in memory at once.
 */
import { CATEGORY_IDS } from '../domain/categories';
import type { Order, Product } from '../domain/model';

export interface ShopSize {
  products: number;
  customers: number;
  orderLines: number;
}

function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const START = Date.UTC(2023, 0, 1);
const SPAN_MS = 365 * 86_400_000;
const THEME_SIZE = 40;

export function syntheticProducts(count: number, seed = 1): Product[] {
  const next = rng(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: `P${i}`,
    // Each theme is a named range ("line12"), as real ranges share a design word: the same-range signal reads it.
    name: `Product ${i} ${['red', 'blue', 'vintage', 'heart', 'star', 'garden'][i % 6]} line${Math.floor(i / THEME_SIZE)}`,
    category: CATEGORY_IDS[Math.floor(i / THEME_SIZE) % CATEGORY_IDS.length],
    price: Math.round(Math.exp(next() * 3) * 100) / 100,
    currency: 'GBP',
    tags: i % 7 === 0 ? ['eco-friendly'] : [],
    inStock: next() > 0.05,
    addedAt: new Date(START + next() * SPAN_MS).toISOString(),
  }));
}

/** Yields orders in time order; each customer orders from 2-3 themes plus the globally popular head. */
export function* syntheticOrders(size: ShopSize, seed = 2): Generator<Order> {
  const next = rng(seed);
  const themes = Math.max(1, Math.floor(size.products / THEME_SIZE));
  const favourite = Array.from({ length: size.customers }, () => [0, 1, 2].map(() => Math.floor(Math.pow(next(), 2) * themes)));
  const meanBasket = 10;
  const orderCount = Math.ceil(size.orderLines / meanBasket);
  let lines = 0;
  for (let o = 0; o < orderCount && lines < size.orderLines; o++) {
    const customer = Math.floor(next() * size.customers);
    const basket = 1 + Math.floor(next() * (2 * meanBasket - 1));
    const items = new Set<number>();
    while (items.size < basket) {
      const popularHead = next() < 0.2;
      const item = popularHead
        ? Math.floor(Math.pow(next(), 3) * size.products)
        : favourite[customer][Math.floor(next() * 3)] * THEME_SIZE + Math.floor(Math.pow(next(), 1.5) * THEME_SIZE);
      items.add(Math.min(item, size.products - 1));
    }
    lines += items.size;
    yield {
      id: `O${o}`, customerId: `C${customer}`, date: new Date(START + (o / orderCount) * SPAN_MS).toISOString(),
      lines: [...items].map((i) => ({ productId: `P${i}`, quantity: 1 + Math.floor(next() * 6), unitPrice: 1 })),
    };
  }
}
