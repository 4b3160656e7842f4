/**
 * Opens the console's own store (transcripts, staff, sessions, handoffs): a lowdb snapshot plus a transcript
 * journal (see consoleJournal.ts). One process per file, like every lowdb store.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ConsoleJournal } from './consoleJournal';
import type { ConsoleData, ConversationRecord } from './schema';
import { TranscriptStore } from './transcriptStore';
import { StaffStore } from './staffStore';
import { HandoffStore } from './handoffStore';

/** The in-memory data and the two ways to make a change durable. */
export interface ConsoleDb {
  readonly data: ConsoleData;
  /** Journals the conversation as it is now; resolves once durable. */
  saveConversation(record: ConversationRecord): Promise<void>;
  /** Journals a deletion with the next save. */
  dropConversation(id: string): void;
  /** Rewrites the whole snapshot (and empties the journal); resolves once durable. */
  save(): Promise<void>;
}

export interface ConsoleStore {
  transcripts: TranscriptStore;
  staff: StaffStore;
  handoffs: HandoffStore;
  /** Resolves once every change made so far is on disk. */
  flush(): Promise<void>;
  /** Flushes and releases the journal file. */
  close(): Promise<void>;
}

export async function openConsoleStore(path: string, options: { compactBytes?: number } = {}): Promise<ConsoleStore> {
  await mkdir(dirname(path), { recursive: true });
  const journal = await ConsoleJournal.open(path, options);
  const db: ConsoleDb = {
    get data() { return journal.data; },
    saveConversation: (record) => journal.saveConversation(record),
    dropConversation: (id) => journal.dropConversation(id),
    save: () => journal.snapshot(),
  };
  const handoffs = new HandoffStore(db);
  return {
    transcripts: new TranscriptStore(db, handoffs),
    staff: new StaffStore(db),
    handoffs,
    flush: () => journal.flush(),
    close: () => journal.close(),
  };
}
