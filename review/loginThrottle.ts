/**
 * Counts failed sign-ins per account and per client address in a sliding window. Over the limit, sign-in
 * is refused (429) until the oldest failure leaves the window. In memory: a restart forgives, which is
 * acceptable for a throttle (the password hash is the real defence).
 */
export interface ThrottleLimits {
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
  windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = { maxFailuresPerAccount: 5, maxFailuresPerIp: 20, windowMs: 15 * 60_000 };
const MAX_TRACKED_KEYS = 10_000;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limits: ThrottleLimits = DEFAULT_THROTTLE) {}

  check(account: string, ip: string, now: number): ThrottleVerdict {
    const waits = [
      this.waitFor(`account:${account}`, this.limits.maxFailuresPerAccount, now),
      this.waitFor(`ip:${ip}`, this.limits.maxFailuresPerIp, now),
    ];
    const wait = Math.max(...waits);
    return wait > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) } : { allowed: true };
  }

  recordFailure(account: string, ip: string, now: number): void {
    for (const key of [`account:${account}`, `ip:${ip}`]) {
      const list = this.recent(key, now);
      list.push(now);
      this.failures.delete(key);
      this.failures.set(key, list);
    }
    // Oldest-inserted keys go first, so a flood of made-up accounts cannot grow memory without bound.
    while (this.failures.size > MAX_TRACKED_KEYS) {
      const oldest = this.failures.keys().next().value;
      if (oldest === undefined) break;
      this.failures.delete(oldest);
    }
  }

  recordSuccess(account: string): void {
    this.failures.delete(`account:${account}`);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.limits.windowMs);
  }

  private waitFor(key: string, max: number, now: number): number {
    const list = this.recent(key, now);
    if (list.length < max) return 0;
    return list[list.length - max] + this.limits.windowMs - now;
  }
}
