/**
 * Opens the console's own lowdb store (transcripts, staff, sessions, handoffs): a lowdb snapshot plus a transcript
 * journal (see consoleJournal.ts), and the login throttle in memory. One process per file, like every lowdb store.
 * With a retention period, conversations idle longer are pruned in the background (see startTranscriptPruning).
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ConsoleJournal } from './consoleJournal';
import type { ConsoleData, ConversationRecord } from './schema';
import { TranscriptStore } from './transcriptStore';
import { StaffStore } from './staffStore';
import { HandoffStore } from './handoffStore';
import { MemoryLoginThrottle } from './memoryLoginThrottle';
import { startTranscriptPruning, type TranscriptRetention } from './transcriptRetention';
import type { OpenedConsoleStore } from '../consolePorts';

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

export interface ConsoleStoreOptions {
  compactBytes?: number;
  retention?: TranscriptRetention;
}

export async function openConsoleStore(path: string, options: ConsoleStoreOptions = {}): Promise<OpenedConsoleStore> {
  await mkdir(dirname(path), { recursive: true });
  const journal = await ConsoleJournal.open(path, { compactBytes: options.compactBytes });
  const db: ConsoleDb = {
    get data() { return journal.data; },
    saveConversation: (record) => journal.saveConversation(record),
    dropConversation: (id) => journal.dropConversation(id),
    save: () => journal.snapshot(),
  };
  const handoffs = new HandoffStore(db);
  const transcripts = new TranscriptStore(db, handoffs);
  const pruning = options.retention && startTranscriptPruning(transcripts, options.retention);
  return {
    transcripts,
    staff: new StaffStore(db),
    handoffs,
    loginThrottle: new MemoryLoginThrottle(),
    flush: () => journal.flush(),
    close: async () => {
      await pruning?.stop();
      await journal.close();
    },
  };
}
