/**
 * One lowdb document plus the bookkeeping the store needs around it: every change runs synchronously in
 * memory and is then written through the (coalescing, durable) adapter; flush() waits for the writes still
 * in flight; after close() further changes are refused.
 *
 * With `deferMs` > 0 a change resolves as soon as memory holds it and the file is written at most once per
 * `deferMs` (used for dialog state, where a lost last second matters far less than turn latency).
 */
import type { Low } from 'lowdb';

export type StoreLogger = (msg: string, fields?: Record<string, unknown>) => void;

export class StoreClosedError extends Error {
  constructor(what: string) {
    super(`The ${what} is closed; no more changes are accepted`);
    this.name = 'StoreClosedError';
  }
}

export interface DocumentOptions {
  what: string;
  deferMs?: number;
  log?: StoreLogger;
}

export class PersistentDocument<T> {
  private readonly inFlight = new Set<Promise<void>>();
  private deferred: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly db: Low<T>, private readonly options: DocumentOptions) {}

  get data(): T {
    return this.db.data;
  }

  /** Applies `mutate` to the in-memory data, then resolves once the change is durable (or deferred). */
  change<R>(mutate: (data: T) => R): Promise<R> {
    if (this.closed) return Promise.reject(new StoreClosedError(this.options.what));
    let result: R;
    try {
      result = mutate(this.db.data);
    } catch (e) {
      return Promise.reject(e);
    }
    if (this.options.deferMs) {
      this.scheduleDeferredWrite(this.options.deferMs);
      return Promise.resolve(result);
    }
    return this.write().then(() => result);
  }

  /** Resolves when every change made so far is on disk. */
  async flush(): Promise<void> {
    if (this.deferred) {
      clearTimeout(this.deferred);
      this.deferred = null;
      void this.write().catch(() => undefined); // awaited below through inFlight
    }
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

  private scheduleDeferredWrite(delayMs: number): void {
    if (this.deferred) return;
    this.deferred = setTimeout(() => {
      this.deferred = null;
      this.write().catch((e: unknown) => {
        this.options.log?.(`Writing the ${this.options.what} failed`, { error: (e as Error).message });
      });
    }, delayMs);
    this.deferred.unref();
  }
}
