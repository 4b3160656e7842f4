/**
 * Persistence of the console store: a validated lowdb snapshot of everything plus an append-only journal of
 * whole conversation records (`{"c":record}` or `{"d":id}`), so a turn's transcript write costs
 * O(that conversation), not O(every transcript). The mechanism is lowdb/keyedJournal.ts.
 *
 * - saveConversation / dropConversation queue a journal line (the record as it is now, or a deletion);
 *   concurrent changes share one append + datasync. Replaying a line is idempotent.
 * - snapshot() queues a compaction: the snapshot is rewritten (atomic, durable) and the journal emptied.
 *   Staff, sessions and handoffs are saved this way (rare changes); so is erasure, so no old line keeps erased data.
 */
import { z } from 'zod';
import { KeyedJournal, type KeyedJournalFormat, type KeyedJournalOptions } from '../lowdb/keyedJournal';
import { ConsoleDataSchema, ConversationRecordSchema, emptyConsoleData, type ConsoleData, type ConversationRecord } from './schema';

const JournalLineSchema = z.union([z.object({ c: ConversationRecordSchema }), z.object({ d: z.string() })]);
type JournalLine = z.infer<typeof JournalLineSchema>;

const consoleFormat: KeyedJournalFormat<ConsoleData, ConversationRecord, JournalLine> = {
  name: 'console store',
  snapshotSchema: ConsoleDataSchema,
  lineSchema: JournalLineSchema,
  load: (stored) => stored ?? emptyConsoleData(),
  toLine: (id, record) => (record ? { c: record } : { d: id }),
  replayer: (data) => {
    // Conversations are an array in the snapshot (its order is the listing order): index them once by id.
    const byId = new Map(data.conversations.map((c, i) => [c.id, i]));
    return (line) => {
      if ('c' in line) {
        const at = byId.get(line.c.id);
        if (at === undefined) byId.set(line.c.id, data.conversations.push(line.c) - 1);
        else data.conversations[at] = line.c;
      } else if (byId.has(line.d)) {
        data.conversations = data.conversations.filter((c) => c.id !== line.d);
        byId.clear();
        data.conversations.forEach((c, index) => byId.set(c.id, index));
      }
    };
  },
};

export class ConsoleJournal {
  private constructor(private readonly journal: KeyedJournal<ConsoleData, ConversationRecord, JournalLine>) {}

  get data(): ConsoleData {
    return this.journal.data;
  }

  static async open(path: string, options: KeyedJournalOptions = {}): Promise<ConsoleJournal> {
    return new ConsoleJournal(await KeyedJournal.open(path, consoleFormat, options));
  }

  /** Journals the conversation as it is now; resolves once durable. */
  saveConversation(record: ConversationRecord): Promise<void> {
    this.journal.record(record.id, record);
    return this.journal.commit();
  }

  /** Journals a deletion with the next save. */
  dropConversation(id: string): void {
    this.journal.record(id, null);
  }

  /** Rewrites the snapshot and empties the journal; resolves once durable. */
  snapshot(): Promise<void> {
    return this.journal.compact();
  }

  flush(): Promise<void> {
    return this.journal.flush();
  }

  close(): Promise<void> {
    return this.journal.close();
  }
}
