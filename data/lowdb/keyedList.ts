/**
 * An array held in the store document plus a position index by key, so lookups, replacements and removals
 * are O(1) while the array itself stays the thing lowdb serialises. Order is not meaningful: removal moves
 * the last item into the gap.
 */
export class DuplicateKeyError extends Error {
  constructor(what: string, key: string) {
    super(`duplicate ${what} id "${key}"`);
    this.name = 'DuplicateKeyError';
  }
}

export class KeyedList<T> {
  private readonly positions = new Map<string, number>();

  constructor(private readonly items: T[], private readonly keyOf: (item: T) => string, private readonly what: string) {
    items.forEach((item, i) => {
      const key = keyOf(item);
      if (this.positions.has(key)) throw new DuplicateKeyError(what, key);
      this.positions.set(key, i);
    });
  }

  get(key: string): T | undefined {
    const i = this.positions.get(key);
    return i === undefined ? undefined : this.items[i];
  }

  all(): T[] {
    return this.items.slice();
  }

  /** Adds a new item; an existing key is an error (ids are never reused). */
  insert(item: T): void {
    const key = this.keyOf(item);
    if (this.positions.has(key)) throw new DuplicateKeyError(this.what, key);
    this.positions.set(key, this.items.push(item) - 1);
  }

  /** Inserts or replaces by key; returns the item it replaced. */
  upsert(item: T): T | undefined {
    const key = this.keyOf(item);
    const i = this.positions.get(key);
    if (i === undefined) {
      this.positions.set(key, this.items.push(item) - 1);
      return undefined;
    }
    const previous = this.items[i];
    this.items[i] = item;
    return previous;
  }

  remove(key: string): T | undefined {
    const i = this.positions.get(key);
    if (i === undefined) return undefined;
    const removed = this.items[i];
    const lastIndex = this.items.length - 1;
    const last = this.items[lastIndex];
    this.items.length = lastIndex;
    this.positions.delete(key);
    if (i < lastIndex) {
      this.items[i] = last;
      this.positions.set(this.keyOf(last), i);
    }
    return removed;
  }
}
