/**
 * What every lowdb file shares: the error for a file that cannot be used, the one "read, or empty, or error"
 * reader, and the one parser of a JSON line. A bad file is reported and left untouched, never overwritten.
 */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { firstIssue } from '../../domain/zodIssues';

export class StoreFileError extends Error {
  constructor(readonly path: string, reason: string) {
    super(`The store file ${path} cannot be used: ${reason}. It was left untouched; fix or move it, then start again.`);
    this.name = 'StoreFileError';
  }
}

/** The file's text; null when it does not exist yet; any other failure is a StoreFileError. */
export async function readTextOrNull(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StoreFileError(path, (e as Error).message);
  }
}

export type ParsedLine<T> = { ok: true; record: T } | { ok: false; reason: string };

/** One line of a JSONL file, validated; never throws. */
export function parseLine<T>(line: string, schema: z.ZodType<T>): ParsedLine<T> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, record: parsed.data } : { ok: false, reason: firstIssue(parsed.error) };
}
