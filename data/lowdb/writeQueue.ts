/**
 * The one write queue of the lowdb files: callers that ask for a write while one is in flight share the next one,
 * so a burst of turns costs two file writes, not one per turn. `writeBatch` must take what it writes synchronously,
 * before its first await (then everything asked for before the round started is in it); a failed round rejects
 * exactly the callers it served.
 */
interface Waiter { resolve: () => void; reject: (e: unknown) => void }

export class WriteQueue {
  private waiters: Waiter[] = [];
  private inFlight: Promise<void> | null = null;

  constructor(private readonly writeBatch: () => Promise<void>) {}

  /** Resolves once a write that started after this call has finished. */
  request(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      if (!this.inFlight) this.inFlight = this.drain();
    });
  }

  /** Resolves when no write is in flight. */
  async idle(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  private async drain(): Promise<void> {
    while (this.waiters.length > 0) {
      const waiters = this.waiters;
      this.waiters = [];
      try {
        await this.writeBatch();
        for (const w of waiters) w.resolve();
      } catch (e) {
        for (const w of waiters) w.reject(e);
      }
    }
    this.inFlight = null;
  }
}
