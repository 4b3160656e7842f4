/**
 * A demo customer from a purchase profile: synthetic contact details (seeded by the customer id, so the
 * same input always gives the same person) and stated preferences that lean on what they actually bought,
 * with some randomness, because what people say they like never matches their orders exactly.
 */
import { CATEGORY_IDS } from '../../domain/categories';
import type { Customer, PriceBand, Preferences } from '../../domain/model';
import type { CustomerProfile } from './customerProfiles';
import { seededRandom, type SeededRandom } from './seededRandom';
import { demoEmail, nameFor, postcodeFor } from './syntheticContacts';

const AGE_BANDS = ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'];
const STATED_VALUES = ['vintage', 'eco-friendly', 'handmade', 'british'];
/** A value is stated (most of the time) when at least this share of the customer's lines carries its tag. */
const VALUE_LINE_SHARE = 0.2;

/** Average paid unit price that separates budget / mid / premium shoppers (catalogue price tertiles). */
export interface PriceBands { budgetBelow: number; premiumAbove: number }

export function priceBandOf(averageUnitPrice: number, bands: PriceBands): PriceBand {
  if (averageUnitPrice < bands.budgetBelow) return 'budget';
  return averageUnitPrice > bands.premiumAbove ? 'premium' : 'mid';
}

export function priceBandsFrom(prices: readonly number[]): PriceBands {
  const sorted = [...prices].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { budgetBelow: at(1 / 3), premiumAbove: at(2 / 3) };
}

function statedCategories(profile: CustomerProfile, random: SeededRandom): string[] {
  const ranked = [...profile.spendByCategory]
    .filter(([category]) => category !== 'other')
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([category]) => category);
  const keepChances = [1, 0.75, 0.4];
  const stated = ranked.slice(0, 3).filter((_c, i) => random.chance(keepChances[i]));
  if (random.chance(0.2)) {
    const extra = random.pick(CATEGORY_IDS.filter((c) => c !== 'other' && !stated.includes(c)));
    if (extra) stated.push(extra);
  }
  return stated;
}

function statedPreferences(profile: CustomerProfile, bands: PriceBands, random: SeededRandom): Preferences {
  const values = STATED_VALUES.filter((value) => {
    const share = (profile.linesByTag.get(value) ?? 0) / profile.lines;
    return share >= VALUE_LINE_SHARE ? random.chance(0.8) : random.chance(0.05);
  });
  const averageUnitPrice = profile.units ? profile.spend / profile.units : 0;
  return {
    categories: statedCategories(profile, random),
    ...(random.chance(0.75) ? { priceBand: priceBandOf(averageUnitPrice, bands) } : {}),
    values,
  };
}

/** `shiftMs` is the importer's date shift; createdAt is the first purchase. */
export function syntheticCustomer(profile: CustomerProfile, bands: PriceBands, shiftMs: number): Customer {
  const random = seededRandom(`customer:${profile.id}`);
  const { first, last } = nameFor(profile.country, random);
  const createdAt = new Date(profile.firstPurchase + shiftMs).toISOString();
  return {
    id: profile.id,
    displayName: `${first} ${last}`,
    email: demoEmail(first, last, profile.id),
    postcode: postcodeFor(profile.country, random),
    country: profile.country,
    ...(random.chance(0.6) ? { demographics: { ageBand: random.pick(AGE_BANDS) } } : {}),
    preferences: statedPreferences(profile, bands, random),
    identities: [],
    consent: { marketing: true, personalization: true, updatedAt: createdAt },
    createdAt,
    isBusiness: profile.isBusiness,
    demo: true,
  };
}
