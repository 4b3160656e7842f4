/**
 * A deterministic, spread-out sample of customers: strata by region (UK / rest of Europe / elsewhere),
 * activity (1 / 2-4 / 5-14 / 15+ invoices) and business vs consumer. Each non-empty stratum gets a share of
 * the sample proportional to the square root of its size (so small strata such as overseas wholesalers are
 * represented), at least one; inside a stratum customers are taken in the order of a hash of their id.
 */
import type { CustomerProfile } from './customerProfiles';
import { hashString } from './seededRandom';

const EUROPE = new Set([
  'Germany', 'France', 'Spain', 'Belgium', 'Switzerland', 'Portugal', 'Italy', 'Finland', 'Norway', 'Netherlands',
  'Channel Islands', 'Austria', 'Denmark', 'Sweden', 'Cyprus', 'Poland', 'Greece', 'EIRE', 'Malta', 'Lithuania',
  'Iceland', 'Czech Republic', 'European Community',
]);

export interface SelectionOptions {
  /** Always included (they count towards the total). */
  required?: readonly string[];
  /** Customers with more order lines than this are left out, to keep a sample small. */
  maxLines?: number;
}

function stratumOf(profile: CustomerProfile): string {
  const region = profile.country === 'United Kingdom' ? 'uk' : EUROPE.has(profile.country) ? 'europe' : 'world';
  const activity = profile.invoices >= 15 ? '15+' : profile.invoices >= 5 ? '5-14' : profile.invoices >= 2 ? '2-4' : '1';
  return `${region}|${activity}|${profile.isBusiness ? 'business' : 'consumer'}`;
}

export function selectCustomers(profiles: ReadonlyMap<string, CustomerProfile>, count: number, options: SelectionOptions = {}): string[] {
  const required = (options.required ?? []).filter((id) => profiles.has(id));
  const chosen = new Set(required);
  const strata = new Map<string, CustomerProfile[]>();
  for (const profile of profiles.values()) {
    if (chosen.has(profile.id) || profile.lines > (options.maxLines ?? Infinity)) continue;
    const key = stratumOf(profile);
    const stratum = strata.get(key);
    if (stratum) stratum.push(profile);
    else strata.set(key, [profile]);
  }
  const remaining = Math.max(0, count - chosen.size);
  const keys = [...strata.keys()].sort();
  const weights = keys.map((k) => Math.sqrt(strata.get(k)?.length ?? 0));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const quotas = keys.map((k, i) => Math.min(strata.get(k)?.length ?? 0, Math.max(1, Math.round((remaining * weights[i]) / totalWeight))));
  const byHash = (a: CustomerProfile, b: CustomerProfile): number => hashString(a.id) - hashString(b.id) || (a.id < b.id ? -1 : 1);
  // Rounding can miss the target: top up round-robin, or trim the largest strata, to hit `count` exactly.
  const ordered = keys.map((k) => [...(strata.get(k) ?? [])].sort(byHash));
  const picked = ordered.map((list, i) => list.slice(0, quotas[i]));
  let total = picked.reduce((n, list) => n + list.length, 0);
  for (let progress = true; total < remaining && progress;) {
    progress = false;
    for (let i = 0; i < ordered.length && total < remaining; i++) {
      if (picked[i].length < ordered[i].length) { picked[i].push(ordered[i][picked[i].length]); total++; progress = true; }
    }
  }
  while (total > remaining) {
    const largest = picked.reduce((best, list, i) => (list.length > picked[best].length ? i : best), 0);
    picked[largest].pop();
    total--;
  }
  for (const list of picked) for (const profile of list) chosen.add(profile.id);
  return [...chosen];
}
