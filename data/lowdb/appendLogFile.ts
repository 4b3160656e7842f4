/**
 * Reading an append-only JSONL log: one zod-validated record per line.
 *
 * A last line without its newline is what a crash during an (unacknowledged) append leaves: when it is not a
 * valid record it is reported as torn, to be cut off before the next append. Any other bad line stops with
 * StoreFileError naming the file and the line, and the file is left as it is.
 */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { firstIssue } from '../../domain/zodIssues';
import { StoreFileError } from './durableJsonFile';

export interface LogContent<T> {
  /** The file does not exist yet. */
  missing: boolean;
  records: T[];
  /** Bytes of the file that hold complete lines; an append must start here. */
  goodBytes: number;
  /** What to do with the end of the file before appending. */
  tail: 'clean' | 'torn' | 'unterminated';
}

export async function readLogFile<T>(path: string, schema: z.ZodType<T>, what: string): Promise<LogContent<T>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true, records: [], goodBytes: 0, tail: 'clean' };
    throw new StoreFileError(path, (e as Error).message);
  }
  const lines = text.split('\n');
  const last = lines.pop() ?? '';
  const records: T[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = parseLine(line, schema);
    if (!parsed.ok) throw new StoreFileError(path, `line ${i + 1} is not a valid ${what} (${parsed.reason})`);
    records.push(parsed.record);
  });
  const goodBytes = Buffer.byteLength(text) - Buffer.byteLength(last);
  if (!last) return { missing: false, records, goodBytes, tail: 'clean' };
  const parsedLast = parseLine(last, schema);
  if (!parsedLast.ok) return { missing: false, records, goodBytes, tail: 'torn' };
  records.push(parsedLast.record);
  return { missing: false, records, goodBytes: Buffer.byteLength(text), tail: 'unterminated' };
}

type ParsedLine<T> = { ok: true; record: T } | { ok: false; reason: string };

function parseLine<T>(line: string, schema: z.ZodType<T>): ParsedLine<T> {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, record: parsed.data };
  return { ok: false, reason: firstIssue(parsed.error) };
}

/** The file's text for `records`, one JSON line each. */
export function logText<T>(records: readonly T[]): string {
  let text = '';
  for (const record of records) text += `${JSON.stringify(record)}\n`;
  return text;
}
