/**
 * Counts failed sign-ins per account and per client address in a sliding window. Over the limit, sign-in
 * is refused (429) until the oldest failure leaves the window. The marks live in a LoginThrottleStore: in process
 * on lowdb, shared by every instance on PostgreSQL.
 *
 * An attempt is reserved (counted as a failure) before the password hash is checked, atomically in the store, so
 * parallel guesses cannot all pass the check while their hashes are still being computed. A success
 * releases its own reservation and forgives the account's settled failures.
 */
import { randomUUID } from 'node:crypto';
import type { LoginThrottleStore, ThrottleKey } from '../data/consolePorts';

export interface ThrottleLimits {
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
  windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = { maxFailuresPerAccount: 5, maxFailuresPerIp: 20, windowMs: 15 * 60_000 };

/** A reserved attempt: say how it ended once the password has been checked. */
export interface LoginAttempt {
  succeeded(): Promise<void>;
  failed(): Promise<void>;
}

export type Reservation = { allowed: true; attempt: LoginAttempt } | { allowed: false; retryAfterSeconds: number };

export class LoginThrottle {
  constructor(private readonly store: LoginThrottleStore, private readonly limits: ThrottleLimits = DEFAULT_THROTTLE) {}

  /** Checks and, when allowed, counts the attempt at once (atomically in the store). */
  async reserve(account: string, ip: string, now: number): Promise<Reservation> {
    const keys: ThrottleKey[] = [
      { key: accountKey(account), max: this.limits.maxFailuresPerAccount },
      { key: ipKey(ip), max: this.limits.maxFailuresPerIp },
    ];
    const attemptId = randomUUID();
    const wait = await this.store.reserve(keys, attemptId, now, this.limits.windowMs);
    if (wait > 0) return { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) };
    let settled = false;
    const once = (work: () => Promise<void>) => async () => {
      if (settled) return;
      settled = true;
      await work();
    };
    return {
      allowed: true,
      attempt: {
        // The owner got in: their earlier settled failures are forgiven; attempts still in flight stay counted.
        succeeded: once(() => this.store.release(attemptId, accountKey(account))),
        failed: once(() => this.store.settle(attemptId)),
      },
    };
  }
}

function accountKey(account: string): string {
  return `account:${account}`;
}

function ipKey(ip: string): string {
  return `ip:${ip}`;
}
