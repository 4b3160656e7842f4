/**
 * The recommender index the running bot serves. Order intake and catalogue updates change it in place; an erasure
 * rebuilds it from the store (so the erased id leaves memory too). A change made while a rebuild is reading the store
 * is replayed onto the new index, so it is never lost; changes must therefore be idempotent (`addOrder` ignores an
 * order it has seen, `upsertProduct` and `setCustomerGroups` set values). Rebuilds run one at a time, so one that read
 * the store before an erasure can never finish after the erasure's own.
 */
export type IndexChange<T> = (target: T) => void;

export class LiveIndex<T> {
  private readonly pendingPerRebuild = new Set<IndexChange<T>[]>();
  private rebuilds: Promise<void> = Promise.resolve();

  private constructor(private index: T, private readonly build: () => Promise<T>) {}

  static async open<T>(build: () => Promise<T>): Promise<LiveIndex<T>> {
    return new LiveIndex(await build(), build);
  }

  current(): T {
    return this.index;
  }

  change(apply: IndexChange<T>): void {
    apply(this.index);
    for (const pending of this.pendingPerRebuild) pending.push(apply);
  }

  rebuild(): Promise<void> {
    const next = this.rebuilds.then(() => this.rebuildNow());
    this.rebuilds = next.catch(() => undefined);
    return next;
  }

  private async rebuildNow(): Promise<void> {
    const pending: IndexChange<T>[] = [];
    this.pendingPerRebuild.add(pending);
    try {
      const rebuilt = await this.build();
      for (const apply of pending) apply(rebuilt);
      this.index = rebuilt;
    } finally {
      this.pendingPerRebuild.delete(pending);
    }
  }
}
