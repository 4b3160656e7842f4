/**
 * 95 % confidence intervals and the comparisons behind the guardrail warnings (pure).
 * - Proportions: the Wilson score interval, which stays inside [0, 1] and behaves with few trials or 0 % / 100 %.
 * - Means (CSAT, revenue per conversation): the normal approximation mean ± 1.96 · s / √n with the sample standard
 *   deviation (n - 1); with fewer than two values there is no interval.
 * - "Significantly worse" than control: the 95 % interval of the difference (unpooled normal approximation) lies
 *   wholly on the bad side: for the opt-out rate its lower bound is above 0, for CSAT its upper bound below 0.
 */
export const Z_95 = 1.959964;

export interface Interval {
  low: number;
  high: number;
}

export interface ProportionEstimate {
  successes: number;
  n: number;
  value: number | null;
  ci: Interval | null;
}

export interface MeanEstimate {
  n: number;
  value: number | null;
  sd: number | null;
  ci: Interval | null;
}

export function wilsonInterval(successes: number, n: number, z = Z_95): Interval | null {
  if (n <= 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export function proportion(successes: number, n: number): ProportionEstimate {
  return { successes, n, value: n > 0 ? successes / n : null, ci: wilsonInterval(successes, n) };
}

export function mean(values: readonly number[]): MeanEstimate {
  const n = values.length;
  if (n === 0) return { n, value: null, sd: null, ci: null };
  const m = values.reduce((s, v) => s + v, 0) / n;
  if (n < 2) return { n, value: m, sd: null, ci: null };
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (n - 1));
  const half = (Z_95 * sd) / Math.sqrt(n);
  return { n, value: m, sd, ci: { low: m - half, high: m + half } };
}

/** 95 % interval of p(variant) - p(control); null without trials on both sides. */
export function proportionDifference(variant: ProportionEstimate, control: ProportionEstimate): Interval | null {
  if (variant.value === null || control.value === null) return null;
  const se = Math.sqrt((variant.value * (1 - variant.value)) / variant.n + (control.value * (1 - control.value)) / control.n);
  const diff = variant.value - control.value;
  return { low: diff - Z_95 * se, high: diff + Z_95 * se };
}

/** 95 % interval of mean(variant) - mean(control) (Welch's standard error); null without two values on each side. */
export function meanDifference(variant: MeanEstimate, control: MeanEstimate): Interval | null {
  if (variant.value === null || control.value === null || variant.sd === null || control.sd === null) return null;
  const se = Math.sqrt(variant.sd ** 2 / variant.n + control.sd ** 2 / control.n);
  const diff = variant.value - control.value;
  return { low: diff - Z_95 * se, high: diff + Z_95 * se };
}
