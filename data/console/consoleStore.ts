/**
 * Opens the console's own lowdb file (transcripts, staff, sessions, handoffs) and hands out its stores.
 * One process per file, like every lowdb store.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { DurableJsonFile } from '../lowdb/durableJsonFile';
import { ConsoleDataSchema, emptyConsoleData, type ConsoleData } from './schema';
import { TranscriptStore } from './transcriptStore';
import { StaffStore } from './staffStore';
import { HandoffStore } from './handoffStore';

/** The in-memory data plus a durable (coalesced) save of all of it. */
export interface ConsoleDb {
  readonly data: ConsoleData;
  save(): Promise<void>;
}

export interface ConsoleStore {
  transcripts: TranscriptStore;
  staff: StaffStore;
  handoffs: HandoffStore;
  /** Resolves once every change made so far is on disk. */
  flush(): Promise<void>;
}

export async function openConsoleStore(path: string): Promise<ConsoleStore> {
  await mkdir(dirname(path), { recursive: true });
  const low = new Low<ConsoleData>(new DurableJsonFile(path, ConsoleDataSchema), emptyConsoleData());
  await low.read();
  const db: ConsoleDb = { data: low.data, save: () => low.write() };
  const handoffs = new HandoffStore(db);
  return {
    transcripts: new TranscriptStore(db, handoffs),
    staff: new StaffStore(db),
    handoffs,
    flush: () => low.write(),
  };
}
