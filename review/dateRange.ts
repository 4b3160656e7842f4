/** Whole-day date ranges in UTC, as the console's filters and KPIs use them. */
import { z } from 'zod';

export const DayParam = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use a date like 2026-11-16')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'not a real date');

export interface DayRange {
  /** Inclusive, ISO. */
  start: string;
  /** Exclusive, ISO: the start of the day after `to`. */
  end: string;
}

export function dayRange(from: string | undefined, to: string | undefined): DayRange {
  const start = from ? `${from}T00:00:00.000Z` : '0000-01-01T00:00:00.000Z';
  const end = to ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString() : '9999-12-31T23:59:59.999Z';
  return { start, end };
}

/** Compares ISO timestamps by instant (they may carry different offsets or precision). */
export function inRange(iso: string, range: DayRange): boolean {
  const t = Date.parse(iso);
  return t >= Date.parse(range.start) && t < Date.parse(range.end);
}
