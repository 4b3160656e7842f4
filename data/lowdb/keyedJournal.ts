/**
 * A lowdb snapshot document plus an append-only journal of keyed changes, so a durable write costs
 * O(change), not O(document). Used for dialog state (stateJournal.ts) and console transcripts
 * (console/consoleJournal.ts); each supplies a `KeyedJournalFormat` saying where its items live in the
 * document and how a change is written as one journal line.
 *
 * - The caller changes the in-memory document, then `record`s each changed key (its item as it is now, or
 *   null for a deletion) and awaits `commit`. Concurrent commits share one append + datasync.
 * - When the journal grows past `compactBytes` and the snapshot's own size, or when `compact` asks (erasure: no old line may keep erased
 *   data), the snapshot is rewritten (atomic and durable, through DurableJsonFile) and the journal emptied.
 * - Opening replays `<snapshot>.journal` over the snapshot and compacts. A torn last line (a crash during an
 *   append, so never acknowledged) is ignored; any other bad line is a StoreFileError and the files are left
 *   as they are. Replay is safe after a crash between snapshot and truncation: every change goes through the
 *   journal, so its last line per key is that key's newest acknowledged value.
 */
import { open, stat, type FileHandle } from 'node:fs/promises';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { DurableJsonFile } from './durableJsonFile';
import { StoreClosedError } from './persistentDocument';
import { parseLine, readTextOrNull, StoreFileError } from './storeFile';
import { WriteQueue } from './writeQueue';

export interface KeyedJournalFormat<Doc, T, Line> {
  /** What the store is called in errors ("conversation state"). */
  readonly name: string;
  /** Validates the snapshot file. */
  readonly snapshotSchema: z.ZodType<Doc>;
  /** Validates one journal line; a line it rejects is torn (if last) or corrupt. */
  readonly lineSchema: z.ZodType<Line>;
  /** The in-memory document for what the snapshot file holds (null: no file yet). */
  load(stored: Doc | null): Doc;
  /** The journal line for a change to `key`: its item as it is now, or its deletion (null). */
  toLine(key: string, item: T | null): Line;
  /** Returns the function that applies one replayed line to `doc` (it may index `doc` once first). */
  replayer(doc: Doc): (line: Line) => void;
}

export interface KeyedJournalOptions {
  /** Journal size past which the next commit compacts it into the snapshot (default 4 MiB). */
  compactBytes?: number;
}

const DEFAULT_COMPACT_BYTES = 4 * 1024 * 1024;

export class KeyedJournal<Doc, T, Line> {
  /** Changes not yet appended, last one per key: a burst of changes to one key costs one line. */
  private pending = new Map<string, T | null>();
  private readonly queue = new WriteQueue(() => this.writeRound());
  private compactRequested = false;
  private journalBytes = 0;
  private closedFlag = false;
  /**
   * Compaction rewrites the whole snapshot, so it waits until the journal is at least as large as the snapshot
   * (and at least `compactBytes`): each byte appended pays for a bounded share of rewriting, however many
   * conversations the snapshot holds, instead of a fixed-size journal forcing ever larger rewrites.
   */
  private compactThreshold: number;

  private constructor(
    private readonly format: KeyedJournalFormat<Doc, T, Line>,
    private readonly snapshot: Low<Doc>,
    private readonly journal: FileHandle,
    private readonly path: string,
    private readonly compactBytes: number,
  ) {
    this.compactThreshold = compactBytes;
  }

  static async open<Doc, T, Line>(
    path: string,
    format: KeyedJournalFormat<Doc, T, Line>,
    options: KeyedJournalOptions = {},
  ): Promise<KeyedJournal<Doc, T, Line>> {
    // Sliced: a big snapshot rewrite must not stall turns; every change made meanwhile is journaled after it.
    const adapter = new DurableJsonFile(path, format.snapshotSchema, { sliced: true });
    const snapshot = new Low<Doc>(adapter, format.load(await adapter.read()));
    const journalPath = `${path}.journal`;
    const replayed = await replay(journalPath, format.lineSchema, format.replayer(snapshot.data));
    const opened = new KeyedJournal(format, snapshot, await open(journalPath, 'a'), path, options.compactBytes ?? DEFAULT_COMPACT_BYTES);
    if (replayed) await opened.compactNow();
    else await opened.resetThreshold();
    return opened;
  }

  /** The in-memory document; callers change it, then `record` the changed keys. */
  get data(): Doc {
    return this.snapshot.data;
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  /** Queues the journal line for `key` with the next commit: its item as it is now, or null once deleted. */
  record(key: string, item: T | null): void {
    this.pending.set(key, item);
  }

  /** Resolves once every change recorded so far is durable. */
  commit(): Promise<void> {
    if (this.closedFlag) return Promise.reject(new StoreClosedError(this.format.name));
    return this.queue.request();
  }

  /** Rewrites the snapshot and empties the journal with the next commit; resolves once durable. */
  compact(): Promise<void> {
    if (this.closedFlag) return Promise.reject(new StoreClosedError(this.format.name));
    return this.compactNow();
  }

  /** Resolves when every change made so far is on disk. */
  async flush(): Promise<void> {
    if (this.pending.size > 0 || this.compactRequested) await this.queue.request();
    await this.queue.idle();
  }

  /** Flushes, releases the journal file and refuses further commits. */
  async close(): Promise<void> {
    if (this.closedFlag) return;
    this.closedFlag = true;
    await this.flush();
    await this.journal.close();
  }

  private compactNow(): Promise<void> {
    this.compactRequested = true;
    return this.queue.request();
  }

  /** One append (and compaction, if due) per round serves every commit that arrived meanwhile. */
  private async writeRound(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    await this.append(batch);
    if (this.compactRequested || this.journalBytes > this.compactThreshold) {
      this.compactRequested = false;
      // Snapshot first (atomic and durable), then empty the journal: a crash in between only replays.
      await this.snapshot.write();
      await this.journal.truncate(0);
      await this.journal.datasync();
      this.journalBytes = 0;
      await this.resetThreshold();
    }
  }

  private async resetThreshold(): Promise<void> {
    const snapshotBytes = await stat(this.path).then((s) => s.size, () => 0);
    this.compactThreshold = Math.max(this.compactBytes, snapshotBytes);
  }

  private async append(batch: Map<string, T | null>): Promise<void> {
    if (batch.size === 0) return;
    let text = '';
    for (const [key, item] of batch) text += `${JSON.stringify(this.format.toLine(key, item))}\n`;
    await this.journal.write(text);
    await this.journal.datasync();
    this.journalBytes += Buffer.byteLength(text);
  }
}

/** Applies the journal's lines in order; returns whether the file held anything. */
async function replay<Line>(path: string, schema: z.ZodType<Line>, apply: (line: Line) => void): Promise<boolean> {
  const text = await readTextOrNull(path);
  if (text === null) return false;
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (!line) return;
    const parsed = parseLine(line, schema);
    if (!parsed.ok) {
      if (i === lines.length - 1) return;
      throw new StoreFileError(path, `line ${i + 1} is not a journal entry`);
    }
    apply(parsed.record);
  });
  return text.length > 0;
}
