/**
 * The time a turn happens at. Normally the wall clock; `npm run simulate` (with SIMULATION_CLOCK=true, demo mode
 * only) runs each turn at a simulated instant over the past days, so suggestion events and exposures are spread
 * over them. AsyncLocalStorage keeps one turn's instant from leaking into another's.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const turnInstant = new AsyncLocalStorage<Date>();

/** Simulated instants must lie within this many days before now (and not in the future). */
export const MAX_SIMULATED_PAST_DAYS = 90;

export function runAt<T>(at: Date, work: () => Promise<T>): Promise<T> {
  return turnInstant.run(at, work);
}

export function turnNow(): Date {
  return turnInstant.getStore() ?? new Date();
}

/** A usable simulated instant from untrusted input, or null (then the wall clock applies). */
export function simulatedInstant(value: unknown, now = new Date()): Date | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at) || at > now.getTime() + 60_000 || at < now.getTime() - MAX_SIMULATED_PAST_DAYS * 86_400_000) return null;
  return new Date(at);
}
