/**
 * Dialog state with durable, cheap per-turn writes: a lowdb snapshot file plus an append-only journal
 * (the mechanism is keyedJournal.ts).
 *
 * Rewriting a whole state file on every turn costs O(all conversations) plus an fsync of that much data, which
 * caps a busy bot at a few hundred turns per second. Here a commit appends only the changed items as JSON lines
 * (`{"k":key,"v":item}` or `{"k":key,"d":1}`) and syncs them, coalesced across concurrent turns.
 */
import type { StoreItem } from 'botbuilder';
import { z } from 'zod';
import { KeyedJournal, type KeyedJournalFormat, type KeyedJournalOptions } from './keyedJournal';
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
type JournalEntry = z.infer<typeof JournalEntrySchema>;

const STORE_NAME = 'conversation state';

/** Sets through defineProperty so that a key like "__proto__" is stored as an ordinary item. */
function put(items: Record<string, StoreItem>, key: string, item: StoreItem): void {
  Object.defineProperty(items, key, { value: item, enumerable: true, writable: true, configurable: true });
}

const stateFormat: KeyedJournalFormat<StateFile, StoreItem, JournalEntry> = {
  name: STORE_NAME,
  snapshotSchema: StateFileSchema,
  lineSchema: JournalEntrySchema,
  // A null prototype so that no key can collide with Object.prototype members.
  load: (stored) => ({ version: 1, items: Object.assign(Object.create(null) as Record<string, StoreItem>, stored?.items) }),
  toLine: (k, v) => (v === null ? { k, d: 1 } : { k, v }),
  replayer: ({ items }) => (entry) => {
    if ('d' in entry) delete items[entry.k];
    else put(items, entry.k, entry.v);
  },
};

export class StateJournal {
  /** A null prototype so that no key can collide with Object.prototype members. */
  readonly items: Record<string, StoreItem>;

  private constructor(private readonly journal: KeyedJournal<StateFile, StoreItem, JournalEntry>) {
    this.items = journal.data.items;
  }

  static async open(path: string, options: KeyedJournalOptions = {}): Promise<StateJournal> {
    return new StateJournal(await KeyedJournal.open(path, stateFormat, options));
  }

  /** Runs `mutate` (which calls set/delete) and resolves once its changes are durable. */
  change(mutate: () => void): Promise<void> {
    if (this.journal.closed) return Promise.reject(new StoreClosedError(STORE_NAME));
    try {
      mutate();
    } catch (e) {
      return Promise.reject(e);
    }
    return this.journal.commit();
  }

  set(key: string, item: StoreItem): void {
    put(this.items, key, item);
    this.journal.record(key, item);
  }

  delete(key: string): void {
    if (!Object.hasOwn(this.items, key)) return;
    delete this.items[key];
    this.journal.record(key, null);
  }

  /**
   * Erasure: removes every item `matches` selects and compacts, so the removed data is in neither the
   * snapshot nor any old journal line. Resolves with the number of items removed, once durable.
   */
  async purge(matches: (item: StoreItem) => boolean): Promise<number> {
    if (this.journal.closed) throw new StoreClosedError(STORE_NAME);
    let removed = 0;
    for (const key of Object.keys(this.items)) {
      if (!matches(this.items[key])) continue;
      this.delete(key);
      removed++;
    }
    await this.journal.compact();
    return removed;
  }

  /** Resolves when every change made so far is on disk. */
  flush(): Promise<void> {
    return this.journal.flush();
  }

  close(): Promise<void> {
    return this.journal.close();
  }
}
