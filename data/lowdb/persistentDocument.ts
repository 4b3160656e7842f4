/**
 * One lowdb document plus the bookkeeping the store needs around it: every change runs synchronously in
 * memory and is then written through the (coalescing, durable) file; flush() waits for the file's write queue;
 * after close() further changes are refused.
 */
import type { Low } from 'lowdb';
import type { DurableJsonFile } from './durableJsonFile';

export class StoreClosedError extends Error {
  constructor(what: string) {
    super(`The ${what} is closed; no more changes are accepted`);
    this.name = 'StoreClosedError';
  }
}

export class PersistentDocument<T> {
  private closed = false;

  constructor(private readonly db: Low<T>, private readonly file: DurableJsonFile<T>, private readonly what: string) {}

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
    return this.db.write().then(() => result);
  }

  /** Resolves when every change made so far is on disk. */
  flush(): Promise<void> {
    return this.file.flush();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }
}
