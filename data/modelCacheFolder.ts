/**
 * The ModelCache (domain/modelCache.ts) on disk: one file per key in a folder, holding a SHA-256 of its content so a
 * torn or altered file is noticed. Several instances or test workers may share the folder: files are written aside
 * and renamed into place, so a reader sees a whole entry or none. The folder is bounded: after a write only the
 * `maxEntries` most recently used entries stay (a restored entry counts as used). Nothing here ever throws: an entry
 * that cannot be read or kept is logged and the model is fitted again.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelCache } from '../domain/modelCache';
import type { Logger } from '../logging/logger';

const MAGIC = Buffer.from('MODELv1\n');
const DIGEST_BYTES = 32;
const SUFFIX = '.model';
const KEY = /^[a-z]+-[0-9a-f]{64}$/;
/** Only files of these names are ever removed: the folder may be one a deployer shares with other files. */
const ENTRY_FILE = /^[a-z]+-[0-9a-f]{64}\.model$/;
const ASIDE_FILE = /^[a-z]+-[0-9a-f]{64}\.model\.\d+\.[0-9a-f]{8}\.tmp$/;
/** Files written aside by a process that died before renaming them are removed after this long. */
const ABANDONED_MS = 3_600_000;

export const DEFAULT_MODEL_CACHE_ENTRIES = 16;

const errorCode = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;

export class ModelCacheFolder implements ModelCache {
  constructor(readonly dir: string, private readonly log: Pick<Logger, 'warn'>, private readonly maxEntries = DEFAULT_MODEL_CACHE_ENTRIES) {}

  get(key: string): Uint8Array | undefined {
    const file = this.fileOf(key);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      // Nothing kept yet (no file, or no folder: a folder that cannot be made is reported when a fit is kept).
      if (errorCode(error) !== 'ENOENT' && errorCode(error) !== 'ENOTDIR') this.log.warn('kept model unreadable, fitting again', { key, error });
      return undefined;
    }
    const payload = bytes.subarray(MAGIC.length + DIGEST_BYTES);
    const intact = bytes.length >= MAGIC.length + DIGEST_BYTES && bytes.subarray(0, MAGIC.length).equals(MAGIC)
      && createHash('sha256').update(payload).digest().equals(bytes.subarray(MAGIC.length, MAGIC.length + DIGEST_BYTES));
    if (!intact) {
      this.reject(key, 'checksum mismatch');
      return undefined;
    }
    try {
      const now = new Date();
      utimesSync(file, now, now); // used: the bound evicts the least recently used entries first
    } catch {
      // Evicted by another process meanwhile: the bytes read are still whole.
    }
    return payload;
  }

  set(key: string, bytes: Uint8Array): void {
    const file = this.fileOf(key);
    const aside = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(aside, Buffer.concat([MAGIC, createHash('sha256').update(bytes).digest(), bytes]));
      renameSync(aside, file);
    } catch (error) {
      this.log.warn('fitted model not kept', { key, dir: this.dir, error });
      this.remove(aside);
      return;
    }
    this.prune();
  }

  reject(key: string, reason: string): void {
    this.log.warn('kept model corrupt, fitting again', { key, reason });
    this.remove(this.fileOf(key));
  }

  private fileOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`not a model key: ${key}`);
    return join(this.dir, `${key}${SUFFIX}`);
  }

  /** Keeps the `maxEntries` most recently used entries and drops abandoned temp files. */
  private prune(): void {
    const entries: { path: string; used: number }[] = [];
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    const now = Date.now();
    for (const name of names) {
      const path = join(this.dir, name);
      try {
        const used = statSync(path).mtimeMs;
        if (ENTRY_FILE.test(name)) entries.push({ path, used });
        else if (ASIDE_FILE.test(name) && now - used > ABANDONED_MS) this.remove(path);
      } catch {
        // Removed by another process meanwhile.
      }
    }
    entries.sort((a, b) => b.used - a.used);
    for (const { path } of entries.slice(this.maxEntries)) this.remove(path);
  }

  private remove(path: string): void {
    try {
      unlinkSync(path);
    } catch {
      // Already gone.
    }
  }
}
