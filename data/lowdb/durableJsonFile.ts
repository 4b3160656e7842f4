/**
 * A lowdb adapter for one JSON file that is validated on read and written atomically and durably.
 *
 * - read: a missing file is `null` (the caller seeds it); unparsable or invalid content throws
 *   StoreFileError and the file is left untouched, so a bad file is never overwritten.
 * - write: temp file + fsync + rename + fsync of the folder, so an acknowledged write survives a crash.
 *   Writes are coalesced: while one is in flight, later calls share the next write and serialise the
 *   newest data only once, so a burst of turns costs two file writes, not one per turn.
 */
import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { firstIssue } from '../../domain/zodIssues';
import { replaceFileDurably } from './atomicFile';
import { stringifyInSlices } from './slicedJson';

export class StoreFileError extends Error {
  constructor(readonly path: string, reason: string) {
    super(`The store file ${path} cannot be used: ${reason}. It was left untouched; fix or move it, then start again.`);
    this.name = 'StoreFileError';
  }
}

interface PendingWrite<T> {
  data: T;
  waiters: { resolve: () => void; reject: (e: unknown) => void }[];
}

export class DurableJsonFile<T> implements Adapter<T> {
  private inFlight: Promise<void> | null = null;
  private pending: PendingWrite<T> | null = null;

  /** `sliced`: serialise in slices that yield to the event loop (only for journaled snapshots, see slicedJson.ts). */
  constructor(readonly path: string, private readonly schema: z.ZodType<T>, private readonly options: { sliced?: boolean } = {}) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreFileError(this.path, (e as Error).message);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new StoreFileError(this.path, `it is not valid JSON (${(e as Error).message})`);
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) {
      throw new StoreFileError(this.path, `it does not match the expected shape at ${firstIssue(parsed.error)}`);
    }
    return parsed.data;
  }

  write(data: T): Promise<void> {
    return new Promise((resolve, reject) => {
      if (!this.pending) this.pending = { data, waiters: [] };
      this.pending.data = data;
      this.pending.waiters.push({ resolve, reject });
      if (!this.inFlight) this.inFlight = this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.pending) {
      const batch = this.pending;
      this.pending = null;
      try {
        await this.writeNow(this.options.sliced ? await stringifyInSlices(batch.data) : JSON.stringify(batch.data));
        for (const w of batch.waiters) w.resolve();
      } catch (e) {
        for (const w of batch.waiters) w.reject(e);
      }
    }
    this.inFlight = null;
  }

  private writeNow(text: string): Promise<void> {
    return replaceFileDurably(this.path, text);
  }
}
