/**
 * A lowdb adapter for one JSON file that is validated on read and written atomically and durably.
 *
 * - read: a missing file is `null` (the caller seeds it); unparsable or invalid content throws
 *   StoreFileError and the file is left untouched, so a bad file is never overwritten.
 * - write: temp file + fsync + rename + fsync of the folder, so an acknowledged write survives a crash.
 *   Writes are coalesced: while one is in flight, later calls share the next write and serialise the
 *   newest data only once, so a burst of turns costs two file writes, not one per turn.
 */
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { firstIssue } from '../../domain/zodIssues';
import { replaceFileDurably } from './atomicFile';
import { readTextOrNull, StoreFileError } from './storeFile';
import { WriteQueue } from './writeQueue';
import { stringifyInSlices } from './slicedJson';

export { StoreFileError } from './storeFile';

export class DurableJsonFile<T> implements Adapter<T> {
  private latest: T | undefined;
  private readonly queue = new WriteQueue(async () => {
    // The newest data asked for so far, once; journaled snapshots are serialised in slices that yield.
    const text = this.options.sliced ? await stringifyInSlices(this.latest) : JSON.stringify(this.latest);
    return replaceFileDurably(this.path, text);
  });

  /** `sliced`: serialise in slices that yield to the event loop (only for journaled snapshots, see slicedJson.ts). */
  constructor(readonly path: string, private readonly schema: z.ZodType<T>, private readonly options: { sliced?: boolean } = {}) {}

  async read(): Promise<T | null> {
    const text = await readTextOrNull(this.path);
    if (text === null) return null;
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
    this.latest = data;
    return this.queue.request();
  }

  /** Resolves when no write is in flight. */
  flush(): Promise<void> {
    return this.queue.idle();
  }
}
