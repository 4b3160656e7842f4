/**
 * Counts failed sign-ins per account and per client address in a sliding window. Over the limit, sign-in
 * is refused (429) until the oldest failure leaves the window. In memory: a restart forgives, which is
 * acceptable for a throttle (the password hash is the real defence).
 *
 * An attempt is reserved (counted as a failure) before the password hash is checked, synchronously, so
 * parallel guesses cannot all pass the check while their hashes are still being computed. A success
 * releases its own reservation and forgives the account's settled failures.
 */
export interface ThrottleLimits {
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
  windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = { maxFailuresPerAccount: 5, maxFailuresPerIp: 20, windowMs: 15 * 60_000 };
const MAX_TRACKED_KEYS = 10_000;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** A reserved attempt: say how it ended once the password has been checked. */
export interface LoginAttempt {
  succeeded(): void;
  failed(): void;
}

export type Reservation = { allowed: true; attempt: LoginAttempt } | { allowed: false; retryAfterSeconds: number };

interface Mark {
  at: number;
  /** Set while the attempt's password check is still running. */
  pendingId?: number;
}

export class LoginThrottle {
  private readonly marks = new Map<string, Mark[]>();
  private nextAttemptId = 1;

  constructor(private readonly limits: ThrottleLimits = DEFAULT_THROTTLE) {}

  check(account: string, ip: string, now: number): ThrottleVerdict {
    const waits = [
      this.waitFor(accountKey(account), this.limits.maxFailuresPerAccount, now),
      this.waitFor(ipKey(ip), this.limits.maxFailuresPerIp, now),
    ];
    const wait = Math.max(...waits);
    return wait > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) } : { allowed: true };
  }

  /** Checks and, when allowed, counts the attempt at once (no await between the two). */
  reserve(account: string, ip: string, now: number): Reservation {
    const verdict = this.check(account, ip, now);
    if (!verdict.allowed) return verdict;
    const pendingId = this.nextAttemptId++;
    const keys = [accountKey(account), ipKey(ip)];
    for (const key of keys) this.add(key, { at: now, pendingId }, now);
    let settled = false;
    return {
      allowed: true,
      attempt: {
        succeeded: () => {
          if (settled) return;
          settled = true;
          for (const key of keys) this.removePending(key, pendingId);
          // The owner got in: their earlier settled failures are forgiven; attempts still in flight stay counted.
          this.keepOnly(accountKey(account), (m) => m.pendingId !== undefined);
        },
        failed: () => {
          if (settled) return;
          settled = true;
          for (const key of keys) this.settle(key, pendingId);
        },
      },
    };
  }

  private add(key: string, mark: Mark, now: number): void {
    const list = this.recent(key, now);
    list.push(mark);
    this.marks.delete(key);
    this.marks.set(key, list);
    // Oldest-inserted keys go first, so a flood of made-up accounts cannot grow memory without bound.
    while (this.marks.size > MAX_TRACKED_KEYS) {
      const oldest = this.marks.keys().next().value;
      if (oldest === undefined) break;
      this.marks.delete(oldest);
    }
  }

  private removePending(key: string, pendingId: number): void {
    this.keepOnly(key, (m) => m.pendingId !== pendingId);
  }

  private settle(key: string, pendingId: number): void {
    for (const mark of this.marks.get(key) ?? []) if (mark.pendingId === pendingId) delete mark.pendingId;
  }

  private keepOnly(key: string, keep: (mark: Mark) => boolean): void {
    const list = this.marks.get(key);
    if (!list) return;
    const kept = list.filter(keep);
    if (kept.length > 0) this.marks.set(key, kept);
    else this.marks.delete(key);
  }

  private recent(key: string, now: number): Mark[] {
    return (this.marks.get(key) ?? []).filter((m) => now - m.at < this.limits.windowMs);
  }

  private waitFor(key: string, max: number, now: number): number {
    const list = this.recent(key, now);
    if (list.length < max) return 0;
    return list[list.length - max].at + this.limits.windowMs - now;
  }
}

function accountKey(account: string): string {
  return `account:${account}`;
}

function ipKey(ip: string): string {
  return `ip:${ip}`;
}
