/**
 * One lowdb document plus the bookkeeping the store needs around it: every change runs synchronously in
 * memory and is then written through the (coalescing, durable) adapter; flush() waits for the writes still
 * in flight; after close() further changes are refused.
 */
import type { Low } from 'lowdb';

export class StoreClosedError extends Error {
  constructor(what: string) {
    super(`The ${what} is closed; no more changes are accepted`);
    this.name = 'StoreClosedError';
  }
}

export class PersistentDocument<T> {
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly db: Low<T>, private readonly what: string) {}

  get data(): T {
    return this.db.data;
  }

  /** Applies `mutate` to the in-memory data, then resolves once the change is durable. */
  change<R>(mutate: (data: T) => R): Promise<R> {
    if (this.closed) return Promise.reject(new StoreClosedError(this.what));
    let result: R;
    try {
      result = mutate(this.db.data);
    } catch (e) {
      return Promise.reject(e);
    }
    return this.write().then(() => result);
  }

  /** Resolves when every change made so far is on disk. */
  async flush(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  private write(): Promise<void> {
    const write = this.db.write();
    this.inFlight.add(write);
    const forget = (): void => { this.inFlight.delete(write); };
    write.then(forget, forget);
    return write;
  }
}
