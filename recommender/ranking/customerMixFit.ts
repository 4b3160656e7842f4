/**
 * Fits the customer-conditioned re-buy multipliers (customerMix.ts) on the validation window, after the global blend:
 * each window customer's candidates are split into the re-buy part and the rest of their blended score, customers
 * are grouped by quantiles of one history feature, and each group gets the multiplier of its re-buy part that ranks
 * its window purchases best (NDCG@10 over all items). Shrinkage: a group keeps 1 (the global blend) unless a multiplier
 * raises the group's mean by `minGain` and lowers none of its folds, and groups smaller than `minGroup` keep 1.
 */
import { MIX_FEATURES, mixGroup, type CustomerMix, type MixFeature } from './customerMix';

export interface MixFitOptions {
  /** The history feature that groups customers; 'auto': the one whose fit gains most on the window. */
  feature: MixFeature | 'auto';
  groups: number;
  minGroup: number;
  /** Multipliers tried per group besides 1. */
  multipliers: readonly number[];
  folds: number;
  minGain: number;
}

export const DEFAULT_MIX_FIT: MixFitOptions = {
  feature: 'repeat_share', groups: 3, minGroup: 30, multipliers: [0.25, 0.5, 0.7, 1.4, 2, 4], folds: 2, minGain: 1e-4,
};

/** One window customer: per candidate the blended score of the re-buy signals and of the rest. */
export interface MixCustomer {
  own: Float64Array;
  other: Float64Array;
  bought: Uint8Array;
  relevant: number;
  features: Record<MixFeature, number>;
}

const IDCG = Array.from({ length: 11 }, (_, n) => { let sum = 0; for (let p = 0; p < n; p++) sum += 1 / Math.log2(p + 2); return sum; });

function ndcgAt10(c: MixCustomer, m: number, top: Float64Array, topRow: Int32Array): number {
  let size = 0;
  for (let r = 0; r < c.own.length; r++) {
    const score = m * c.own[r] + c.other[r];
    if (size === 10 && score <= top[9]) continue;
    let at = size < 10 ? size++ : 9;
    while (at > 0 && top[at - 1] < score) { top[at] = top[at - 1]; topRow[at] = topRow[at - 1]; at--; }
    top[at] = score;
    topRow[at] = r;
  }
  let dcg = 0;
  for (let p = 0; p < size; p++) if (c.bought[topRow[p]]) dcg += 1 / Math.log2(p + 2);
  return dcg / IDCG[Math.min(c.relevant, 10)];
}

function quantileBounds(values: readonly number[], groups: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const bounds: number[] = [];
  for (let g = 1; g < groups; g++) {
    const bound = sorted[Math.floor((g * sorted.length) / groups)];
    // A bound equal to the smallest value or to the previous bound would leave a group empty.
    if (bound > sorted[0] && (bounds.length === 0 || bound > bounds[bounds.length - 1])) bounds.push(bound);
  }
  return bounds;
}

interface FeatureFit { mix: CustomerMix; gain: number }

function fitFeature(customers: readonly MixCustomer[], feature: MixFeature, options: MixFitOptions): FeatureFit {
  const bounds = quantileBounds(customers.map((c) => c.features[feature]), options.groups);
  const members: MixCustomer[][] = Array.from({ length: bounds.length + 1 }, () => []);
  for (const c of customers) members[mixGroup(bounds, c.features[feature])].push(c);
  const top = new Float64Array(10);
  const topRow = new Int32Array(10);
  const folds = Math.max(1, options.folds);
  const perFold = (group: readonly MixCustomer[], m: number): number[] => {
    const sums = new Array<number>(folds).fill(0);
    const counts = new Array<number>(folds).fill(0);
    group.forEach((c, k) => { sums[k % folds] += ndcgAt10(c, m, top, topRow); counts[k % folds]++; });
    return sums.map((s, f) => s / Math.max(1, counts[f]));
  };
  const mean = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0) / values.length;
  let gain = 0;
  const multipliers = members.map((group) => {
    if (group.length < options.minGroup) return 1;
    const base = perFold(group, 1);
    let best = 1;
    let bestValue = base;
    for (const m of options.multipliers) {
      const value = perFold(group, m);
      if (mean(value) > mean(bestValue) + options.minGain && value.every((v, f) => v >= base[f])) { best = m; bestValue = value; }
    }
    gain += ((mean(bestValue) - mean(base)) * group.length) / customers.length;
    return best;
  });
  return { mix: { feature, bounds, multipliers, sizes: members.map((g) => g.length) }, gain };
}

/** The multipliers learnt on the window's customers; null when no group moves off 1. */
export function fitCustomerMix(customers: readonly MixCustomer[], options: MixFitOptions): CustomerMix | null {
  const usable = customers.filter((c) => c.relevant > 0);
  const features = options.feature === 'auto' ? MIX_FEATURES : [options.feature];
  let best: FeatureFit | null = null;
  for (const feature of features) {
    const fit = fitFeature(usable, feature, options);
    if (fit.gain > 0 && (!best || fit.gain > best.gain)) best = fit;
  }
  return best?.mix ?? null;
}
