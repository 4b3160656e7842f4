/**
 * botbuilder `Storage` for dialog and user state, kept in its own lowdb file so that per-turn state writes
 * never rewrite the commerce file. eTag semantics follow botbuilder's MemoryStorage: a missing eTag or '*'
 * writes unconditionally (last write wins); any other eTag must match the stored one or the write throws.
 * Items are copied in and out (JSON round trip, as MemoryStorage does) so a turn's in-memory edits never
 * leak into the store before it writes them.
 */
import { randomBytes } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { z } from 'zod';
import type { PersistentDocument } from './persistentDocument';

export const StateFileSchema = z.object({
  version: z.literal(1),
  items: z.record(z.string(), z.record(z.string(), z.unknown())),
});
export type StateFile = z.infer<typeof StateFileSchema>;

export function emptyStateFile(): StateFile {
  return { version: 1, items: {} };
}

export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

export class LowdbConversationStorage implements Storage {
  /** A per-process prefix keeps eTags unique across restarts without reading the file for a counter. */
  private readonly eTagPrefix = randomBytes(4).toString('hex');
  private eTagCounter = 0;

  constructor(private readonly doc: PersistentDocument<StateFile>) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when reading.');
    const items = this.doc.data.items;
    const found: StoreItems = {};
    for (const key of keys) {
      if (Object.hasOwn(items, key)) found[key] = copy(items[key]);
    }
    return found;
  }

  /** All or nothing: every eTag is checked before any item changes. */
  write(changes: StoreItems): Promise<void> {
    if (!changes || typeof changes !== 'object') return Promise.reject(new ReferenceError('Changes are required when writing.'));
    return this.doc.change(({ items }) => {
      const entries = Object.entries(changes);
      for (const [key, change] of entries) {
        if (change.eTag && change.eTag !== '*' && Object.hasOwn(items, key) && items[key].eTag !== change.eTag) {
          throw new ETagConflictError(key);
        }
      }
      for (const [key, change] of entries) {
        const stored = { ...copy(change), eTag: `${this.eTagPrefix}-${++this.eTagCounter}` };
        Object.defineProperty(items, key, { value: stored, enumerable: true, writable: true, configurable: true });
      }
    });
  }

  delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) return Promise.reject(new ReferenceError('Keys are required when deleting.'));
    return this.doc.change(({ items }) => {
      for (const key of keys) if (Object.hasOwn(items, key)) delete items[key];
    });
  }
}

function copy(item: StoreItem): StoreItem {
  return JSON.parse(JSON.stringify(item)) as StoreItem;
}
