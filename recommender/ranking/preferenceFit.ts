/** How a product matches a customer's stated preferences; the strongest matching aspect names the reason. */
import type { Preferences, Product } from '../../domain/model';
import type { ItemCatalog } from './catalog';
import { PREMIUM_FACTOR, VALUE_FACTOR } from './strategy';

export type PreferenceMatch =
  | { aspect: 'category'; category: string; value: number }
  | { aspect: 'value'; tag: string; value: number }
  | { aspect: 'price_band'; band: string; value: number };

export function preferenceMatch(preferences: Preferences, product: Product, catalog: ItemCatalog): PreferenceMatch | null {
  if (preferences.categories.includes(product.category)) return { aspect: 'category', category: product.category, value: 1 };
  const tags = new Set(product.tags.map((t) => t.toLowerCase()));
  const tag = preferences.values.find((v) => tags.has(v.toLowerCase()));
  if (tag) return { aspect: 'value', tag, value: 1 };
  if (preferences.priceBand) {
    const median = catalog.medianPrice(product.category);
    const band = product.price <= VALUE_FACTOR * median ? 'budget' : product.price >= PREMIUM_FACTOR * median ? 'premium' : 'mid';
    if (band === preferences.priceBand) return { aspect: 'price_band', band, value: 0.5 };
  }
  return null;
}
