/**
 * Record validation shared by every store (lowdb and PostgreSQL): a record is validated with its zod schema before
 * it is stored, and a bad one is an InvalidRecordError naming the record and the first issue.
 * lowdb's stored records are deep-frozen: repositories hand out the stored objects without copying (fast reads),
 * and a caller that tries to change one in place gets a TypeError instead of silently editing the store
 * behind its back. Changes go through the repository's write methods, which validate and store a fresh copy.
 */
import { firstIssue } from '../domain/zodIssues';
import type { z } from 'zod';

export class InvalidRecordError extends Error {
  constructor(what: string, detail: string) {
    super(`Invalid ${what}: ${detail}`);
    this.name = 'InvalidRecordError';
  }
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Validates a record about to be stored and returns a frozen copy of it (zod's output is a new object). */
export function validRecord<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new InvalidRecordError(what, firstIssue(parsed.error));
  }
  return deepFreeze(parsed.data);
}
