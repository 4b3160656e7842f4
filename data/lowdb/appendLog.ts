/**
 * An append-only, durable JSONL log of records (suggestion events, feedback, audit), kept in memory with an
 * index by id and by customer.
 *
 * Why not the commerce document: these records only grow, and rewriting the whole document to add one of them
 * cost a full serialisation and fsync of megabytes per turn. Here an append writes only the new lines and
 * datasyncs them, coalesced like the state journal: appends made while one is in flight share the next
 * write + datasync. Every append resolves once its lines are durable.
 *
 * Erasure changes records in place; the file is then rewritten atomically (temp + fsync + rename), so no old
 * line survives. A failed write leaves memory ahead of the file, so the next write rewrites the whole file.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { InvalidRecordError } from '../records';
import { replaceFileDurably, syncFolder } from './atomicFile';
import { logText, readLogFile } from './appendLogFile';
import { CustomerRecords } from './customerRecords';
import { StoreClosedError } from './persistentDocument';
import { StoreFileError } from './storeFile';
import { WriteQueue } from './writeQueue';

export interface AppendLogOptions<T> {
  schema: z.ZodType<T>;
  /** One record, for messages: "suggestion event". */
  what: string;
  idOf: (record: T) => string;
  /** The customer a record belongs to, for forCustomer(); null when none. */
  customerOf?: (record: T) => string | null;
}

export class AppendLog<T> {
  private readonly records: CustomerRecords<T>;
  private pendingText = '';
  private readonly queue = new WriteQueue(() => this.writeRound());
  private rewriteRequested = false;
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly options: AppendLogOptions<T>,
    records: T[],
    private handle: FileHandle,
  ) {
    this.records = new CustomerRecords(records, { what: options.what, idOf: options.idOf, customerOf: options.customerOf ?? (() => null) });
  }

  /** Loads and validates the log (creating it when missing); a torn last line is cut off. */
  static async open<T>(path: string, options: AppendLogOptions<T>): Promise<AppendLog<T>> {
    const content = await readLogFile(path, options.schema, options.what);
    // Checked before anything is written, so a file with a repeated id is left untouched.
    const ids = new Set(content.records.map(options.idOf));
    if (ids.size !== content.records.length) throw new StoreFileError(path, `it repeats a ${options.what} id`);
    const handle = await open(path, 'a');
    try {
      if (content.tail === 'torn') await handle.truncate(content.goodBytes);
      if (content.tail === 'unterminated') await handle.write('\n');
      if (content.tail !== 'clean') await handle.datasync();
      // A new file's name must be durable too, or a crash could lose the file with its synced lines.
      if (content.missing) await syncFolder(dirname(path));
      return new AppendLog(path, options, content.records, handle);
    } catch (e) {
      await handle.close();
      throw e;
    }
  }

  all(): T[] {
    return this.records.all();
  }

  get(id: string): T | undefined {
    return this.records.get(id);
  }

  forCustomer(customerId: string): T[] {
    return this.records.forCustomer(customerId);
  }

  /**
   * Adds valid records (all or nothing: a batch that repeats an id, or reuses a stored one, adds none);
   * resolves once they are durable.
   */
  append(records: readonly T[]): Promise<void> {
    if (this.closed) return Promise.reject(new StoreClosedError(`${this.options.what} log`));
    const ids = new Set<string>();
    for (const record of records) {
      const id = this.options.idOf(record);
      if (ids.has(id)) return Promise.reject(new InvalidRecordError(this.options.what, `the batch repeats id "${id}"`));
      if (this.records.get(id)) return Promise.reject(new InvalidRecordError(this.options.what, `id "${id}" is already stored`));
      ids.add(id);
    }
    for (const record of records) this.records.add(record);
    this.pendingText += logText(records);
    return this.queue.request();
  }

  /**
   * Replaces every record of `customerId` with `update(record)` (same id) and rewrites the file atomically,
   * so the old lines are gone from disk. Resolves with the number of records changed, once durable.
   */
  async updateCustomer(customerId: string, update: (record: T) => T): Promise<number> {
    if (this.closed) throw new StoreClosedError(`${this.options.what} log`);
    return this.rewriteAfter(this.records.updateCustomer(customerId, (record) => this.options.schema.parse(update(record))));
  }

  /**
   * Replaces every record `matches` selects with `update(record)` (same id), whoever it belongs to, in one atomic
   * rewrite of the file. Resolves with the number of records changed, once durable (at once when none match).
   */
  async updateMatching(matches: (record: T) => boolean, update: (record: T) => T): Promise<number> {
    if (this.closed) throw new StoreClosedError(`${this.options.what} log`);
    return this.rewriteAfter(this.records.updateMatching(matches, (record) => this.options.schema.parse(update(record))));
  }

  /** Resolves once every record added or changed so far is on disk. */
  async flush(): Promise<void> {
    await this.queue.idle();
  }

  /** Flushes, then refuses further changes. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.flush();
    await this.handle.close();
  }

  private async rewriteAfter(changed: number): Promise<number> {
    if (changed === 0) return 0;
    this.rewriteRequested = true;
    await this.queue.request();
    return changed;
  }

  private async writeRound(): Promise<void> {
    const rewrite = this.rewriteRequested;
    // Taken together and synchronously, so the text matches exactly the records this round's callers added.
    const text = rewrite ? logText(this.all()) : this.pendingText;
    this.pendingText = '';
    this.rewriteRequested = false;
    try {
      if (rewrite) await this.rewrite(text);
      else await this.appendText(text);
    } catch (e) {
      // Memory is now ahead of the file: the next round rewrites it whole.
      this.rewriteRequested = true;
      throw e;
    }
  }

  private async appendText(text: string): Promise<void> {
    if (!text) return;
    await this.handle.write(text);
    await this.handle.datasync();
  }

  /** The rename replaces the file, so appends continue on a handle to the new one. */
  private async rewrite(text: string): Promise<void> {
    await replaceFileDurably(this.path, text);
    const previous = this.handle;
    this.handle = await open(this.path, 'a');
    await previous.close();
  }
}
