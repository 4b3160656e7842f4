/**
 * The staff login throttle's marks in process memory (lowdb: one process per store). A restart forgives, which is
 * acceptable for a throttle. Bounded: past MAX_TRACKED_KEYS the oldest-inserted keys go first, so a flood of
 * made-up accounts cannot grow memory without bound.
 */
import type { LoginThrottleStore, ThrottleKey } from '../consolePorts';

const MAX_TRACKED_KEYS = 10_000;

interface Mark {
  at: number;
  /** Set while the attempt's password check is still running. */
  pendingId?: string;
}

export class MemoryLoginThrottle implements LoginThrottleStore {
  private readonly marks = new Map<string, Mark[]>();
  /** The keys of each attempt still in flight, so settling one touches only its own keys. */
  private readonly attemptKeys = new Map<string, string[]>();

  // Synchronous inside: check and reservation cannot interleave with another attempt.
  async reserve(keys: readonly ThrottleKey[], attemptId: string, now: number, windowMs: number): Promise<number> {
    const wait = Math.max(0, ...keys.map(({ key, max }) => this.waitFor(key, max, now, windowMs)));
    if (wait > 0) return wait;
    for (const { key } of keys) this.add(key, { at: now, pendingId: attemptId }, now, windowMs);
    this.attemptKeys.set(attemptId, keys.map((k) => k.key));
    return 0;
  }

  async settle(attemptId: string): Promise<void> {
    for (const key of this.takeKeys(attemptId)) {
      for (const mark of this.marks.get(key) ?? []) if (mark.pendingId === attemptId) delete mark.pendingId;
    }
  }

  async release(attemptId: string, forgivenKey: string): Promise<void> {
    for (const key of this.takeKeys(attemptId)) this.keepOnly(key, (m) => m.pendingId !== attemptId);
    this.keepOnly(forgivenKey, (m) => m.pendingId !== undefined);
  }

  private takeKeys(attemptId: string): string[] {
    const keys = this.attemptKeys.get(attemptId) ?? [];
    this.attemptKeys.delete(attemptId);
    return keys;
  }

  private add(key: string, mark: Mark, now: number, windowMs: number): void {
    const list = this.recent(key, now, windowMs);
    list.push(mark);
    this.marks.delete(key);
    this.marks.set(key, list);
    while (this.marks.size > MAX_TRACKED_KEYS) {
      const oldest = this.marks.keys().next().value;
      if (oldest === undefined) break;
      this.marks.delete(oldest);
    }
  }

  private keepOnly(key: string, keep: (mark: Mark) => boolean): void {
    const list = this.marks.get(key);
    if (!list) return;
    const kept = list.filter(keep);
    if (kept.length > 0) this.marks.set(key, kept);
    else this.marks.delete(key);
  }

  private recent(key: string, now: number, windowMs: number): Mark[] {
    return (this.marks.get(key) ?? []).filter((m) => now - m.at < windowMs);
  }

  private waitFor(key: string, max: number, now: number, windowMs: number): number {
    const list = this.recent(key, now, windowMs);
    if (list.length < max) return 0;
    return list[list.length - max].at + windowMs - now;
  }
}
