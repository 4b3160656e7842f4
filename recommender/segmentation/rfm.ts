/**
 * RFM scoring, the analysts' recipe: recency in whole days to midnight of the as-of date, frequency as
 * distinct invoices, monetary as spend; quintile scores via pandas `qcut` semantics (see quantiles.ts),
 * and the usual named segments over the R/F grid.
 */
import type { Rfm } from '../../domain/model';
import type { CustomerAggregates } from './aggregates';
import { qcutBins, rankFirst } from './quantiles';

export const DAY_MS = 86_400_000;

export const RFM_LABELS = [
  'champions', 'loyal_customers', 'potential_loyalists', 'new_customers', 'promising', 'need_attention',
  'about_to_sleep', 'at_risk', 'cant_lose', 'hibernating', 'no_history',
] as const;
export type RfmLabel = (typeof RFM_LABELS)[number];
export const NO_HISTORY = RFM_LABELS.indexOf('no_history');

/** The named segment of an R/F cell (both 1..5). Every one of the 25 cells has exactly one name. */
export function rfmLabel(r: number, f: number): RfmLabel {
  if (r < 1 || r > 5 || f < 1 || f > 5 || !Number.isInteger(r) || !Number.isInteger(f)) {
    throw new RangeError(`R and F scores must be integers 1..5, got R${r} F${f}`);
  }
  if (r <= 2) return f <= 2 ? 'hibernating' : f <= 4 ? 'at_risk' : 'cant_lose';
  if (f >= 4) return r === 5 ? 'champions' : 'loyal_customers';
  if (r === 3) return f === 3 ? 'need_attention' : 'about_to_sleep';
  if (f === 1) return r === 5 ? 'new_customers' : 'promising';
  return 'potential_loyalists';
}

/** Midnight (UTC) starting the as-of date, from `YYYY-MM-DD`. */
export function asOfMidnight(asOf: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== asOf) {
    throw new Error(`as-of date must be a real date written YYYY-MM-DD, got "${asOf}"`);
  }
  return time;
}

/** Scores for every customer slot; customers without purchases keep 0 scores and the no_history label. */
export interface RfmScores {
  recencyDays: Float64Array;
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** Index into RFM_LABELS. */
  label: Uint8Array;
  /** Customers with at least one purchase. */
  withHistory: number;
}

/** `slotsById` lists every slot in ascending customer id (the frame order pandas ranks ties by). */
export function scoreRfm(aggregates: CustomerAggregates, asOfMs: number, slotsById: Uint32Array): RfmScores {
  const n = aggregates.size;
  const members = slotsById.filter((slot) => aggregates.hasHistory(slot));
  const recencyDays = new Float64Array(n);
  for (const slot of members) recencyDays[slot] = Math.floor((asOfMs - aggregates.lastTime[slot]) / DAY_MS);
  const monetary = aggregates.monetary.subarray(0, n);
  const recencyBins = qcutBins(recencyDays, members);
  const frequencyBins = qcutBins(rankFirst(aggregates.invoices.subarray(0, n), members), members);
  const monetaryBins = qcutBins(monetary, members);
  const r = new Uint8Array(n);
  const label = new Uint8Array(n).fill(NO_HISTORY);
  for (const slot of members) {
    r[slot] = 6 - recencyBins[slot];
    label[slot] = RFM_LABELS.indexOf(rfmLabel(r[slot], frequencyBins[slot]));
  }
  return { recencyDays, r, f: frequencyBins, m: monetaryBins, label, withHistory: members.length };
}

/** One customer's scores as the domain's Rfm record. */
export function rfmOf(aggregates: CustomerAggregates, scores: RfmScores, slot: number): Rfm {
  const history = aggregates.hasHistory(slot);
  return {
    recencyDays: history ? scores.recencyDays[slot] : 0,
    frequency: aggregates.invoices[slot],
    monetary: history ? aggregates.monetary[slot] : 0,
    r: scores.r[slot],
    f: scores.f[slot],
    m: scores.m[slot],
    label: RFM_LABELS[scores.label[slot]],
  };
}
