/**
 * Dialog state with durable, cheap per-turn writes: a lowdb snapshot file plus an append-only journal.
 *
 * Rewriting a whole state file on every turn costs O(all conversations) plus an fsync of that much data, which
 * caps a busy bot at a few hundred turns per second. Here a commit appends only the changed items as JSON lines
 * and syncs them (coalesced: concurrent turns share one append), so an acknowledged write survives a crash at
 * O(change) cost. When the journal grows past `compactBytes` the snapshot is rewritten (atomically, through the
 * durable lowdb adapter) and the journal emptied; opening replays the journal and compacts.
 *
 * Replay is safe even after a crash between snapshot and truncation: the journal then ends with exactly the
 * acknowledged values, and replaying them over the newer snapshot yields every acknowledged write.
 */
import { open, readFile, type FileHandle } from 'node:fs/promises';
import type { StoreItem } from 'botbuilder';
import { Low } from 'lowdb';
import { z } from 'zod';
import { DurableJsonFile, StoreFileError } from './durableJsonFile';
import { StoreClosedError } from './persistentDocument';

export const StateFileSchema = z.object({
  version: z.literal(1),
  items: z.record(z.string(), z.record(z.string(), z.unknown())),
});
export type StateFile = z.infer<typeof StateFileSchema>;

const JournalEntrySchema = z.union([
  z.object({ k: z.string(), v: z.record(z.string(), z.unknown()) }),
  z.object({ k: z.string(), d: z.literal(1) }),
]);

const DEFAULT_COMPACT_BYTES = 4 * 1024 * 1024;

interface Waiter { resolve: () => void; reject: (e: unknown) => void }

export class StateJournal {
  /** A null prototype so that no key can collide with Object.prototype members. */
  readonly items: Record<string, StoreItem>;
  private pending = new Map<string, StoreItem | null>();
  private waiters: Waiter[] = [];
  private inFlight: Promise<void> | null = null;
  private journalBytes = 0;
  private closed = false;
  /** Set by purge: the next drain rewrites the snapshot and empties the journal, so no old line survives. */
  private compactRequested = false;

  private constructor(
    private readonly snapshot: Low<StateFile>,
    private readonly journal: FileHandle,
    private readonly compactBytes: number,
  ) {
    this.items = snapshot.data.items;
  }

  static async open(path: string, options: { compactBytes?: number } = {}): Promise<StateJournal> {
    const snapshot = new Low(new DurableJsonFile(path, StateFileSchema), { version: 1, items: {} });
    const stored = await snapshot.adapter.read();
    const items: Record<string, StoreItem> = Object.assign(Object.create(null) as Record<string, StoreItem>, stored?.items);
    snapshot.data = { version: 1, items };
    const replayed = await replayJournal(`${path}.journal`, items);
    const state = new StateJournal(snapshot, await open(`${path}.journal`, 'a'), options.compactBytes ?? DEFAULT_COMPACT_BYTES);
    if (replayed) await state.compact();
    return state;
  }

  /** Runs `mutate` (which calls set/delete) and resolves once its changes are durable. */
  change(mutate: () => void): Promise<void> {
    if (this.closed) return Promise.reject(new StoreClosedError('conversation state'));
    try {
      mutate();
    } catch (e) {
      return Promise.reject(e);
    }
    return this.commit();
  }

  set(key: string, item: StoreItem): void {
    Object.defineProperty(this.items, key, { value: item, enumerable: true, writable: true, configurable: true });
    this.pending.set(key, item);
  }

  delete(key: string): void {
    if (!Object.hasOwn(this.items, key)) return;
    delete this.items[key];
    this.pending.set(key, null);
  }

  /**
   * Erasure: removes every item `matches` selects and compacts, so the removed data is in neither the
   * snapshot nor any old journal line. Resolves with the number of items removed, once durable.
   */
  async purge(matches: (item: StoreItem) => boolean): Promise<number> {
    if (this.closed) throw new StoreClosedError('conversation state');
    let removed = 0;
    for (const key of Object.keys(this.items)) {
      if (!matches(this.items[key])) continue;
      this.delete(key);
      removed++;
    }
    this.compactRequested = true;
    await this.commit();
    return removed;
  }

  /** Resolves once every change made so far is durable. */
  private commit(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      if (!this.inFlight) this.inFlight = this.drain();
    });
  }

  /** Resolves when every change made so far is on disk. */
  async flush(): Promise<void> {
    if (this.pending.size) await this.commit();
    await this.inFlight;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.flush();
    await this.journal.close();
  }

  private async drain(): Promise<void> {
    while (this.waiters.length) {
      const batch = this.pending;
      const waiters = this.waiters;
      this.pending = new Map();
      this.waiters = [];
      try {
        await this.append(batch);
        if (this.journalBytes > this.compactBytes || this.compactRequested) {
          this.compactRequested = false;
          await this.compact();
        }
        for (const w of waiters) w.resolve();
      } catch (e) {
        for (const w of waiters) w.reject(e);
      }
    }
    this.inFlight = null;
  }

  private async append(batch: Map<string, StoreItem | null>): Promise<void> {
    if (batch.size === 0) return;
    let text = '';
    for (const [k, v] of batch) text += `${JSON.stringify(v === null ? { k, d: 1 } : { k, v })}\n`;
    await this.journal.write(text);
    await this.journal.datasync();
    this.journalBytes += Buffer.byteLength(text);
  }

  /** Snapshot first (atomic and durable), then empty the journal. */
  private async compact(): Promise<void> {
    await this.snapshot.write();
    await this.journal.truncate(0);
    await this.journal.datasync();
    this.journalBytes = 0;
  }
}

/**
 * Applies the journal's entries to `items`; returns whether there were any. A torn last line (a crash
 * during an append that was therefore never acknowledged) is ignored; any other bad line stops with
 * StoreFileError and the file is left as it is.
 */
async function replayJournal(path: string, items: Record<string, StoreItem>): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new StoreFileError(path, (e as Error).message);
  }
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (!line) return;
    const entry = parseEntry(line);
    if (!entry) {
      if (i === lines.length - 1) return;
      throw new StoreFileError(path, `line ${i + 1} is not a journal entry`);
    }
    if ('d' in entry) delete items[entry.k];
    else Object.defineProperty(items, entry.k, { value: entry.v, enumerable: true, writable: true, configurable: true });
  });
  return text.length > 0;
}

function parseEntry(line: string): z.infer<typeof JournalEntrySchema> | undefined {
  try {
    const parsed = JournalEntrySchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
