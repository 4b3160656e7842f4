/**
 * How a persona's strategy shifts the blend. Strategies re-weight existing signals (so the reason still names
 * a real signal); only upsell_premium and value add the "persona" signal itself (premium / good-value price).
 */
import type { Product } from '../../domain/model';
import type { ItemCatalog } from './catalog';
import type { PersonaStrategy, SignalWeights } from './types';

const MULTIPLIERS: Record<PersonaStrategy, Partial<SignalWeights>> = {
  win_back: { repeat: 1.5, new_arrival: 0.5 },
  upsell_premium: {},
  welcome_bestsellers: { popular: 3, trending: 2 },
  reward_loyalty: { new_arrival: 2, co_purchase: 1.2 },
  nurture: { preference: 2, co_purchase: 1.2 },
  value: {},
};

const USES_PRICE_SIGNAL = new Set<PersonaStrategy>(['upsell_premium', 'value']);

export const PREMIUM_FACTOR = 1.5;
export const VALUE_FACTOR = 0.75;

export function weightsFor(base: SignalWeights, strategy: PersonaStrategy | undefined): SignalWeights {
  const weights = { ...base };
  if (!strategy || !USES_PRICE_SIGNAL.has(strategy)) weights.persona = 0;
  if (!strategy) return weights;
  for (const [kind, factor] of Object.entries(MULTIPLIERS[strategy]) as [keyof SignalWeights, number][]) weights[kind] *= factor;
  return weights;
}

/** 1 when the product fits the strategy's price aim within its category, else 0. */
export function personaFit(strategy: PersonaStrategy | undefined, product: Product, catalog: ItemCatalog, boughtCategories: ReadonlySet<string>): number {
  if (strategy === 'upsell_premium') {
    return boughtCategories.has(product.category) && product.price >= PREMIUM_FACTOR * catalog.medianPrice(product.category) ? 1 : 0;
  }
  if (strategy === 'value') return product.price <= VALUE_FACTOR * catalog.medianPrice(product.category) ? 1 : 0;
  return 0;
}
