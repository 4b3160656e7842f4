/**
 * Item popularity counters: overall invoice counts, a time-decayed "trend" and the same per group
 * (segment label, country). Sorted top lists are cached and rebuilt lazily after the counts change,
 * so a request reads a ready list instead of sorting the catalogue.
 */
import { recencyGrowth } from './decay';

export class PopularityCounter {
  /** Dense by item index: reads are array loads, not hash lookups. */
  private readonly counts: number[] = [];
  private topCache: number[] | null = null;
  private maxCache = 0;

  add(item: number, weight: number): void {
    while (this.counts.length <= item) this.counts.push(0);
    this.counts[item] += weight;
    this.topCache = null;
  }

  get(item: number): number {
    return this.counts[item] ?? 0;
  }

  get max(): number {
    this.top();
    return this.maxCache;
  }

  /** Items by count (descending), ties by item index; cached until the next add. */
  top(): readonly number[] {
    if (!this.topCache) {
      const counts = this.counts;
      const items: number[] = [];
      for (let item = 0; item < counts.length; item++) if (counts[item] > 0) items.push(item);
      items.sort((a, b) => counts[b] - counts[a] || a - b);
      this.topCache = items;
      this.maxCache = items.length > 0 ? this.get(items[0]) : 0;
    }
    return this.topCache;
  }
}

/** One counter per group key, created on first use. */
export class GroupedPopularity {
  private readonly groups = new Map<string, PopularityCounter>();

  add(group: string, item: number, weight: number): void {
    this.counter(group).add(item, weight);
  }

  /** The group's counter, created empty on first use (to add a whole order with one lookup). */
  counter(group: string): PopularityCounter {
    let counter = this.groups.get(group);
    if (!counter) {
      counter = new PopularityCounter();
      this.groups.set(group, counter);
    }
    return counter;
  }

  group(key: string | undefined): PopularityCounter | undefined {
    return key === undefined ? undefined : this.groups.get(key);
  }

  clear(): void {
    this.groups.clear();
  }
}

/**
 * Items selling faster now than over a longer baseline: per item, the rate (orders per day) of the fast decayed
 * counter minus that of the slow one, both read at `now`; only rising items are kept. A decayed counter of a steady
 * rate r per day holds about r * tau, so dividing by tau makes the two comparable. Counters store growth weights
 * exp((t - epoch) / tau) (see decay.ts), so reading at `now` divides by the weight of `now`.
 */
export function momentum(
  fast: PopularityCounter, fastTauDays: number, slow: PopularityCounter, slowTauDays: number, now: number, itemCount: number,
): PopularityCounter {
  const fastScale = 1 / (recencyGrowth(now, fastTauDays) * fastTauDays);
  const slowScale = 1 / (recencyGrowth(now, slowTauDays) * slowTauDays);
  const out = new PopularityCounter();
  for (let item = 0; item < itemCount; item++) {
    const rise = fast.get(item) * fastScale - slow.get(item) * slowScale;
    if (rise > 0) out.add(item, rise);
  }
  return out;
}
