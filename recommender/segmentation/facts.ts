/** Derives the per-customer facts that rules read from the aggregates, the RFM scores and the subject. */
import { CATEGORY_IDS } from '../../domain/categories';
import { CATEGORY_COUNT, type CustomerAggregates } from './aggregates';
import { quantileEdges } from './quantiles';
import { RFM_LABELS, type RfmScores } from './rfm';
import type { RuleFacts } from './rules';
import { regionOf, type SegmentationSubject } from './subjects';

/** Tertile edges of the average unit price paid: the bottom third seeks value, the top third premium. */
export function priceTertiles(aggregates: CustomerAggregates): Float64Array | null {
  const prices: number[] = [];
  for (let slot = 0; slot < aggregates.size; slot++) {
    if (aggregates.units[slot] > 0) prices.push(aggregates.monetary[slot] / aggregates.units[slot]);
  }
  if (prices.length === 0) return null;
  return quantileEdges(Float64Array.from(prices).sort(), 3);
}

function priceSensitivity(
  subject: SegmentationSubject, aggregates: CustomerAggregates, slot: number, tertiles: Float64Array | null,
): RuleFacts['priceSensitivity'] {
  if (subject.priceBand === 'budget') return 'value';
  if (subject.priceBand === 'premium') return 'premium';
  if (subject.priceBand === 'mid' || tertiles === null || aggregates.units[slot] <= 0) return 'neutral';
  const averageUnitPrice = aggregates.monetary[slot] / aggregates.units[slot];
  if (averageUnitPrice <= tertiles[1]) return 'value';
  return averageUnitPrice > tertiles[2] ? 'premium' : 'neutral';
}

export function categoryShare(aggregates: CustomerAggregates, slot: number, categoryIndex: number): number {
  const total = aggregates.monetary[slot];
  return total > 0 ? aggregates.categorySpend[slot * CATEGORY_COUNT + categoryIndex] / total : 0;
}

export function factsFor(
  aggregates: CustomerAggregates, scores: RfmScores, tertiles: Float64Array | null, slot: number, subject: SegmentationSubject,
): RuleFacts {
  const orders = aggregates.invoices[slot];
  return {
    country: subject.country,
    region: regionOf(subject.country),
    ageBand: subject.ageBand,
    values: subject.values,
    interests: subject.interests,
    r: scores.r[slot],
    f: scores.f[slot],
    m: scores.m[slot],
    rfmLabel: RFM_LABELS[scores.label[slot]],
    orderCount: orders,
    averageBasket: orders > 0 ? aggregates.monetary[slot] / orders : 0,
    daysSinceLastOrder: orders > 0 ? scores.recencyDays[slot] : Infinity,
    priceSensitivity: priceSensitivity(subject, aggregates, slot, tertiles),
    business: subject.isBusiness === true,
    unitsPerOrder: orders > 0 ? aggregates.units[slot] / orders : 0,
    categoryShare: (category) => categoryShare(aggregates, slot, CATEGORY_IDS.indexOf(category)),
  };
}
