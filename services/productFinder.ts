/**
 * Resolves what a shopper calls a product ("the lantern", "white metal lantern", "85123A") to one catalogue
 * item: an exact id wins, else the name sharing the most words with the text (in-stock and shorter names first).
 */
import type { Product } from '../domain/model';
import { singular } from '../domain/words';

/**
 * Words that point at a product without naming it. Positions ("the first one", "the last") refer to the shown list,
 * which the dialog resolves; matching them against names would anchor "more like the first one" on a "First Aid Tin".
 */
const STOP_WORDS = new Set([
  'the', 'a', 'an', 'one', 'ones', 'of', 'more', 'like', 'that', 'this', 'with', 'and', 'for', 'similar', 'to', 'me', 'show',
  'first', 'second', 'third', 'fourth', 'fifth', 'last', 'other', 'another', 'top', 'bottom', 'previous', 'next', 'it',
]);

const wordsOf = (text: string) => text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 1 && !STOP_WORDS.has(w));

export interface FoundProduct { id: string; name: string; price: number; currency: string }

export class ProductFinder {
  private readonly byId = new Map<string, Product>();
  private readonly entries: { product: Product; words: Set<string> }[];

  constructor(products: readonly Product[]) {
    for (const p of products) this.byId.set(p.id.toUpperCase(), p);
    this.entries = products.map((product) => ({ product, words: new Set(wordsOf(product.name).map(singular)) }));
  }

  find(text: string): FoundProduct | null {
    const exact = this.byId.get(text.trim().toUpperCase());
    if (exact) return brief(exact);
    const wanted = wordsOf(text).map(singular);
    if (wanted.length === 0) return null;
    let best: { product: Product; score: number } | null = null;
    for (const { product, words } of this.entries) {
      const hits = wanted.filter((w) => words.has(w)).length;
      if (hits === 0) continue;
      // Coverage of what was asked first, then a tighter name, then stock.
      const score = hits / wanted.length + hits / (words.size * 10) + (product.inStock ? 0.001 : 0);
      if (!best || score > best.score || (score === best.score && product.id < best.product.id)) best = { product, score };
    }
    return best ? brief(best.product) : null;
  }
}

function brief(p: Product): FoundProduct {
  return { id: p.id, name: p.name, price: p.price, currency: p.currency };
}
