/**
 * Persistence of the console store: a validated lowdb snapshot of everything plus an append-only journal of
 * whole conversation records, so a turn's transcript write costs O(that conversation), not O(every transcript).
 *
 * - saveConversation / dropConversation queue a journal line (the record as it is now, or a deletion);
 *   concurrent changes share one append + datasync. Replaying a line is idempotent.
 * - snapshot() queues a compaction: the snapshot is rewritten (atomic, durable) and the journal emptied.
 *   Staff, sessions and handoffs are saved this way (rare changes); so is erasure, so no old line keeps erased data.
 * - Every conversation change goes through the journal, so after a crash between snapshot and truncation the
 *   journal's last line per conversation is still its newest acknowledged state.
 * A torn last line (a crash mid-append, never acknowledged) is ignored; any other bad line is a StoreFileError.
 */
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { Low } from 'lowdb';
import { z } from 'zod';
import { DurableJsonFile, StoreFileError } from '../lowdb/durableJsonFile';
import { ConsoleDataSchema, ConversationRecordSchema, emptyConsoleData, type ConsoleData, type ConversationRecord } from './schema';

const JournalLineSchema = z.union([z.object({ c: ConversationRecordSchema }), z.object({ d: z.string() })]);
const DEFAULT_COMPACT_BYTES = 4 * 1024 * 1024;

interface Waiter { resolve: () => void; reject: (e: unknown) => void }

export class ConsoleJournal {
  private pending = new Map<string, ConversationRecord | null>();
  private waiters: Waiter[] = [];
  private inFlight: Promise<void> | null = null;
  private compactRequested = false;
  private journalBytes = 0;
  private closed = false;

  private constructor(private readonly snapshotFile: Low<ConsoleData>, private readonly journal: FileHandle, private readonly compactBytes: number) {}

  get data(): ConsoleData {
    return this.snapshotFile.data;
  }

  static async open(path: string, options: { compactBytes?: number } = {}): Promise<ConsoleJournal> {
    const snapshotFile = new Low<ConsoleData>(new DurableJsonFile(path, ConsoleDataSchema), emptyConsoleData());
    snapshotFile.data = (await snapshotFile.adapter.read()) ?? emptyConsoleData();
    const replayed = await replay(`${path}.journal`, snapshotFile.data);
    const journal = new ConsoleJournal(snapshotFile, await open(`${path}.journal`, 'a'), options.compactBytes ?? DEFAULT_COMPACT_BYTES);
    if (replayed) await journal.snapshot();
    return journal;
  }

  saveConversation(record: ConversationRecord): Promise<void> {
    this.pending.set(record.id, record);
    return this.commit();
  }

  dropConversation(id: string): void {
    this.pending.set(id, null);
  }

  /** Rewrites the snapshot and empties the journal; resolves once durable. */
  snapshot(): Promise<void> {
    this.compactRequested = true;
    return this.commit();
  }

  async flush(): Promise<void> {
    if (this.pending.size > 0 || this.compactRequested) await this.commit();
    await this.inFlight;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.flush();
    await this.journal.close();
  }

  private commit(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      if (!this.inFlight) this.inFlight = this.drain();
    });
  }

  private async drain(): Promise<void> {
    while (this.waiters.length > 0) {
      const batch = this.pending;
      const waiters = this.waiters;
      this.pending = new Map();
      this.waiters = [];
      try {
        await this.append(batch);
        if (this.compactRequested || this.journalBytes > this.compactBytes) {
          this.compactRequested = false;
          await this.snapshotFile.write();
          await this.journal.truncate(0);
          await this.journal.datasync();
          this.journalBytes = 0;
        }
        for (const w of waiters) w.resolve();
      } catch (e) {
        for (const w of waiters) w.reject(e);
      }
    }
    this.inFlight = null;
  }

  private async append(batch: Map<string, ConversationRecord | null>): Promise<void> {
    if (batch.size === 0) return;
    let text = '';
    for (const [id, record] of batch) text += `${JSON.stringify(record ? { c: record } : { d: id })}\n`;
    await this.journal.write(text);
    await this.journal.datasync();
    this.journalBytes += Buffer.byteLength(text);
  }
}

/** Applies the journal to the snapshot's conversations; returns whether it held anything. */
async function replay(path: string, data: ConsoleData): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new StoreFileError(path, (e as Error).message);
  }
  const byId = new Map(data.conversations.map((c, i) => [c.id, i]));
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (!line) return;
    const entry = parseLine(line);
    if (!entry) {
      if (i === lines.length - 1) return;
      throw new StoreFileError(path, `line ${i + 1} is not a journal entry`);
    }
    if ('c' in entry) {
      const at = byId.get(entry.c.id);
      if (at === undefined) byId.set(entry.c.id, data.conversations.push(entry.c) - 1);
      else data.conversations[at] = entry.c;
    } else if (byId.has(entry.d)) {
      data.conversations = data.conversations.filter((c) => c.id !== entry.d);
      byId.clear();
      data.conversations.forEach((c, index) => byId.set(c.id, index));
    }
  });
  return text.length > 0;
}

function parseLine(line: string): z.infer<typeof JournalLineSchema> | undefined {
  try {
    const parsed = JournalLineSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
