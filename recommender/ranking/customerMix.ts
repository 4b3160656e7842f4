/**
 * Customer-conditioned blending: how much a customer's own past items should weigh against discovery depends on the
 * customer (someone who re-buys the same things every order vs someone who keeps trying new ones). The fit
 * (customerMixFit.ts) splits the window's customers into a few groups by one history feature (quantile bounds) and
 * learns one multiplier of the re-buy signals per group; at request time the customer's group is read from their
 * history in O(history items). Nothing here assumes the shop re-buys: a group whose best multiplier is 1 keeps
 * the global blend, and a shop with re-buy weights at 0 stays at 0 (0 × m).
 */
import type { CustomerHistory } from './customerHistory';
import { DAY_MS } from './decay';
import type { Signal, SignalWeights } from './types';

/** History features a group is read from (each computed from the history alone). */
export type MixFeature = 'repeat_share' | 'orders' | 'days_since_last' | 'basket_size';

export const MIX_FEATURES: readonly MixFeature[] = ['repeat_share', 'orders', 'days_since_last', 'basket_size'];

/** Signals scaled by the group's multiplier: those that score only the customer's own items. */
export const OWN_ITEM_SIGNALS: ReadonlySet<Signal> = new Set(['repeat', 'repeat_recent', 'repeat_momentum', 'repeat_shared']);

export interface CustomerMix {
  feature: MixFeature;
  /** Ascending group bounds: group g holds values < bounds[g]; the last group the rest (bounds.length + 1 groups). */
  bounds: number[];
  /** Re-buy multiplier per group. */
  multipliers: number[];
  /** Customers of the window in each group (for --explain). */
  sizes: number[];
}

export function mixFeature(history: CustomerHistory, now: number, feature: MixFeature): number {
  switch (feature) {
    case 'orders':
      return history.orders;
    case 'days_since_last':
      return Math.max(0, now - history.lastTime) / DAY_MS;
    case 'basket_size':
    case 'repeat_share': {
      let purchases = 0;
      for (const item of history.items.values()) purchases += item.orders;
      if (feature === 'basket_size') return purchases / Math.max(1, history.orders);
      // Share of the customer's item purchases that bought an item again (0 for a single order).
      return purchases > 0 ? (purchases - history.items.size) / purchases : 0;
    }
  }
}

export function mixGroup(bounds: readonly number[], value: number): number {
  let group = 0;
  while (group < bounds.length && value >= bounds[group]) group++;
  return group;
}

/** The customer's re-buy multiplier (1 without a mix or a history). */
export function mixMultiplier(mix: CustomerMix | null | undefined, history: CustomerHistory | undefined, now: number): number {
  if (!mix || !history) return 1;
  return mix.multipliers[mixGroup(mix.bounds, mixFeature(history, now, mix.feature))] ?? 1;
}

/** `weights` with the re-buy signals scaled by the customer's multiplier (the same object when it is 1). */
export function mixWeights(weights: SignalWeights, mix: CustomerMix | null | undefined, history: CustomerHistory | undefined, now: number): SignalWeights {
  const m = mixMultiplier(mix, history, now);
  if (m === 1) return weights;
  const mixed = { ...weights };
  for (const signal of OWN_ITEM_SIGNALS) mixed[signal] *= m;
  return mixed;
}
