/**
 * botbuilder `Storage` for dialog and user state, kept apart from the commerce file (see stateJournal.ts)
 * so that per-turn state writes never rewrite it. eTag semantics follow botbuilder's MemoryStorage: a missing
 * eTag or '*' writes unconditionally (last write wins); any other eTag must match the stored one or the write
 * throws. A write resolves once it is durable.
 * Items are copied in and out (JSON round trip, as MemoryStorage does) so a turn's in-memory edits never
 * leak into the store before it writes them.
 */
import { randomBytes } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { StateJournal } from './stateJournal';

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

  constructor(private readonly state: StateJournal) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when reading.');
    const items = this.state.items;
    const found: StoreItems = {};
    for (const key of keys) {
      if (Object.hasOwn(items, key)) found[key] = copy(items[key]);
    }
    return found;
  }

  /** All or nothing: every eTag is checked before any item changes. */
  write(changes: StoreItems): Promise<void> {
    if (!changes || typeof changes !== 'object') return Promise.reject(new ReferenceError('Changes are required when writing.'));
    const items = this.state.items;
    return this.state.change(() => {
      const entries = Object.entries(changes);
      for (const [key, change] of entries) {
        if (change.eTag && change.eTag !== '*' && Object.hasOwn(items, key) && items[key].eTag !== change.eTag) {
          throw new ETagConflictError(key);
        }
      }
      for (const [key, change] of entries) {
        this.state.set(key, { ...copy(change), eTag: `${this.eTagPrefix}-${++this.eTagCounter}` });
      }
    });
  }

  delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) return Promise.reject(new ReferenceError('Keys are required when deleting.'));
    return this.state.change(() => {
      for (const key of keys) this.state.delete(key);
    });
  }
}

function copy(item: StoreItem): StoreItem {
  return JSON.parse(JSON.stringify(item)) as StoreItem;
}
