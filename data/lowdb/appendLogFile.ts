/**
 * Reading an append-only JSONL log: one zod-validated record per line.
 *
 * A last line without its newline is what a crash during an (unacknowledged) append leaves: when it is not a
 * valid record it is reported as torn, to be cut off before the next append. Any other bad line stops with
 * StoreFileError naming the file and the line, and the file is left as it is.
 */
import type { z } from 'zod';
import { parseLine, readTextOrNull, StoreFileError } from './storeFile';

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
  const text = await readTextOrNull(path);
  if (text === null) return { missing: true, records: [], goodBytes: 0, tail: 'clean' };
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

/** The file's text for `records`, one JSON line each. */
export function logText<T>(records: readonly T[]): string {
  let text = '';
  for (const record of records) text += `${JSON.stringify(record)}\n`;
  return text;
}
