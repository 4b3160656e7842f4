/**
 * The customer attributes segmentation may look at, apart from purchases: where they are, what they told
 * us (age band, values, interests, price band) and whether they buy for a business. Nothing else is read.
 */
import type { Customer, PriceBand } from '../../domain/model';
import type { Region } from './ruleSchema';

export interface SegmentationSubject {
  id: string;
  country: string;
  ageBand?: string;
  values: readonly string[];
  /** Stated preferred categories. */
  interests: readonly string[];
  priceBand?: PriceBand;
  isBusiness?: boolean;
}

export function subjectOf(customer: Customer): SegmentationSubject {
  return {
    id: customer.id,
    country: customer.country,
    ageBand: customer.demographics?.ageBand,
    values: customer.preferences.values,
    interests: customer.preferences.categories,
    priceBand: customer.preferences.priceBand,
    isBusiness: customer.isBusiness,
  };
}

const EUROPE = new Set([
  'austria', 'belgium', 'channel islands', 'cyprus', 'czech republic', 'denmark', 'eire', 'ireland', 'european community',
  'finland', 'france', 'germany', 'greece', 'iceland', 'italy', 'lithuania', 'malta', 'netherlands', 'norway', 'poland',
  'portugal', 'spain', 'sweden', 'switzerland',
]);
const UK = new Set(['united kingdom', 'uk', 'great britain', 'england', 'scotland', 'wales', 'northern ireland']);

export function regionOf(country: string): Region {
  const key = country.trim().toLowerCase();
  if (UK.has(key)) return 'uk';
  return EUROPE.has(key) ? 'europe' : 'rest_of_world';
}
