/**
 * Item popularity counters: overall invoice counts, a time-decayed "trend" and the same per group
 * (segment label, country). Sorted top lists are cached and rebuilt lazily after the counts change,
 * so a request reads a ready list instead of sorting the catalogue.
 */
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
    let counter = this.groups.get(group);
    if (!counter) {
      counter = new PopularityCounter();
      this.groups.set(group, counter);
    }
    counter.add(item, weight);
  }

  group(key: string | undefined): PopularityCounter | undefined {
    return key === undefined ? undefined : this.groups.get(key);
  }

  clear(): void {
    this.groups.clear();
  }
}
