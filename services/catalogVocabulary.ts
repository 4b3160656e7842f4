/** Product keywords the recognizer should know: words that name things in at least two catalogue items. */
import type { Product } from '../domain/model';

const NOT_KEYWORDS = new Set([
  'set', 'of', 'and', 'the', 'with', 'in', 'for', 'small', 'large', 'mini', 'jumbo', 'big', 'assorted', 'design', 'colour',
  'red', 'blue', 'pink', 'green', 'white', 'black', 'cream', 'ivory', 'gold', 'silver', 'purple', 'yellow', 'orange', 'brown',
  'vintage', 'retro', 'regency', 'sweetheart', 'pack', 'piece', 'pcs', 'box', 'holder', 'spot', 'polkadot', 'dots', 'a', 'to',
]);

export function catalogKeywords(products: readonly Product[]): string[] {
  const counts = new Map<string, number>();
  for (const product of products) {
    const words = new Set(product.name.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 3 && !NOT_KEYWORDS.has(w)));
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts].filter(([, n]) => n >= 2).map(([w]) => w).sort();
}
