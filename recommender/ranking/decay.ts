/**
 * Exponential time decay. Weights that only ever grow are stored as exp((t - epoch) / tau), so adding an
 * order never rescales earlier ones: an incrementally updated index holds exactly what a rebuild would.
 * The fixed epoch keeps exponents small for any date within decades of 2010 (|exponent| < 700 needs
 * |t - epoch| < 700 tau, i.e. 38 years at tau = 20 days).
 */
export const DAY_MS = 86_400_000;
export const DECAY_EPOCH_MS = Date.UTC(2010, 0, 1);

/** Weight of an event at `time` that grows with recency; Infinity tau means no decay (weight 1). */
export function recencyGrowth(time: number, tauDays: number): number {
  return Number.isFinite(tauDays) ? Math.exp((time - DECAY_EPOCH_MS) / (tauDays * DAY_MS)) : 1;
}

/** Decay factor of an event `ageMs` old (1 when new, 1/e after tau days). */
export function decayByAge(ageMs: number, tauDays: number): number {
  return Number.isFinite(tauDays) ? Math.exp(-Math.max(0, ageMs) / (tauDays * DAY_MS)) : 1;
}
