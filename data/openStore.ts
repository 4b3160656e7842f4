/**
 * Opens the embedded lowdb store: the commerce file (validated, created from the seed on first start, never
 * overwritten when corrupt) with its repositories, the append-only logs beside it (suggestion events, feedback,
 * audit: see lowdb/recordLogs.ts), and the dialog-state file behind a botbuilder Storage.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Storage, StoreItem } from 'botbuilder';
import { Low } from 'lowdb';
import { LowdbAuditRepository, redactErasedCustomers } from './lowdb/auditRepository';
import { LowdbCatalogRepository } from './lowdb/catalogRepository';
import { LowdbConversationStorage } from './lowdb/conversationStorage';
import { LowdbCustomerRepository } from './lowdb/customerRepository';
import { DurableJsonFile, StoreFileError } from './lowdb/durableJsonFile';
import { LowdbFeedbackRepository } from './lowdb/feedbackRepository';
import { LowdbLockRepository } from './lowdb/lockRepository';
import { LowdbOrderRepository } from './lowdb/orderRepository';
import { PersistentDocument } from './lowdb/persistentDocument';
import { closeRecordLogs, flushRecordLogs, moveRecordsIntoLogs, openRecordLogs } from './lowdb/recordLogs';
import { LowdbSegmentRepository } from './lowdb/segmentRepository';
import { StateJournal } from './lowdb/stateJournal';
import { buildIndexes, type StoreContext, type StoreIndexes } from './lowdb/storeIndexes';
import { LowdbSuggestionEventRepository } from './lowdb/suggestionEventRepository';
import type { Repositories } from './ports';
import { parseStoreData, readSeedFile } from './seedFile';
import { emptyStoreData, StoreDataSchema, type StoreData } from './storeSchema';

export interface OpenStoreOptions {
  /** The commerce file, e.g. var/store.json (its folder is created if missing). */
  path: string;
  /** Used only when `path` does not exist yet: a seed file path (.json or .json.gz) or a function. */
  seed: string | (() => Promise<StoreData> | StoreData);
  /** Dialog-state snapshot file; default `<path>.state.json` (its journal is `<statePath>.journal`). */
  statePath?: string;
  log?: StoreLogger;
}

export type StoreLogger = (msg: string, fields?: Record<string, unknown>) => void;

export interface OpenedStore {
  repositories: Repositories;
  conversationStorage: Storage;
  /** Erasure: removes the dialog-state items `matches` selects, leaving no trace in the state files. */
  purgeConversationState(matches: (item: StoreItem) => boolean): Promise<number>;
  /** Resolves when every write made so far (commerce, logs and state) is on disk. */
  flush(): Promise<void>;
  /** Flushes, then refuses further writes. */
  close(): Promise<void>;
}

export async function openStore(options: OpenStoreOptions): Promise<OpenedStore> {
  const started = Date.now();
  await mkdir(dirname(options.path), { recursive: true });
  const commerce = await openCommerceDocument(options);
  const indexes = indexesOrFileError(options.path, commerce.data);
  const logs = await openRecordLogs(options.path);
  let state: StateJournal;
  try {
    const moved = await moveRecordsIntoLogs(commerce, logs);
    if (moved) options.log?.('Moved append-only records from the store file into their logs', { path: options.path, records: moved });
    const erased = new Set(commerce.data.customers.filter((c) => c.erasedAt).map((c) => c.id));
    const redacted = await redactErasedCustomers(logs.audit, erased);
    if (redacted) options.log?.('Redacted audit entries that linked erased customers to their pseudonyms', { path: options.path, entries: redacted });
    state = await StateJournal.open(options.statePath ?? `${options.path}.state.json`);
  } catch (e) {
    await closeRecordLogs(logs);
    throw e;
  }
  const store: StoreContext = { doc: commerce, indexes };
  options.log?.('Store opened', {
    path: options.path, products: commerce.data.products.length, customers: commerce.data.customers.length,
    orders: commerce.data.orders.length, ms: Date.now() - started,
  });
  return {
    repositories: {
      customers: new LowdbCustomerRepository(store),
      catalog: new LowdbCatalogRepository(store),
      orders: new LowdbOrderRepository(store),
      segments: new LowdbSegmentRepository(store),
      feedback: new LowdbFeedbackRepository(logs.feedback),
      suggestionEvents: new LowdbSuggestionEventRepository(logs.suggestionEvents),
      audit: new LowdbAuditRepository(logs.audit),
      locks: new LowdbLockRepository(store),
    },
    conversationStorage: new LowdbConversationStorage(state),
    purgeConversationState: (matches) => state.purge(matches),
    flush: async () => { await Promise.all([commerce.flush(), state.flush(), flushRecordLogs(logs)]); },
    close: async () => { await Promise.all([commerce.close(), state.close(), closeRecordLogs(logs)]); },
  };
}

async function openCommerceDocument(options: OpenStoreOptions): Promise<PersistentDocument<StoreData>> {
  const file = new DurableJsonFile(options.path, StoreDataSchema);
  const db = new Low(file, emptyStoreData());
  const existing = await file.read();
  const doc = new PersistentDocument(db, file, 'store');
  if (existing) {
    db.data = existing;
    return doc;
  }
  db.data = await loadSeed(options.seed);
  await doc.change(() => undefined);
  options.log?.('Store created from the seed', { path: options.path, seed: typeof options.seed === 'string' ? options.seed : 'function' });
  return doc;
}

async function loadSeed(seed: OpenStoreOptions['seed']): Promise<StoreData> {
  if (typeof seed === 'string') return readSeedFile(seed);
  return parseStoreData(await seed(), 'seed function');
}

function indexesOrFileError(path: string, data: StoreData): StoreIndexes {
  try {
    return buildIndexes(data);
  } catch (e) {
    throw new StoreFileError(path, (e as Error).message);
  }
}
