/**
 * Fitted models kept across restarts (and across the many bot starts of a test run), each under a key that
 * fingerprints exactly what its fit read: a restart over unchanged data restores the fit instead of redoing it, and
 * any change to the data gives another key, so a kept fit is never served for other data. The fitting layers
 * (recommender/, language/) compute keys and encode their models here; the folder on disk is data/modelCacheFolder.ts.
 */
import { createHash, type Hash } from 'node:crypto';

export interface ModelCache {
  /** The bytes kept under `key`; undefined when nothing is kept (never fitted, evicted, unreadable). */
  get(key: string): Uint8Array | undefined;
  /** Keeps `bytes` under `key`; a failure to keep is the cache's to report, never the caller's. */
  set(key: string, bytes: Uint8Array): void;
  /** A kept entry the caller could not decode: the cache warns and forgets it; the caller fits afresh. */
  reject(key: string, reason: string): void;
}

/**
 * THE versions of the fit code, one per kind of kept model, in this one place. Bump a kind's number whenever a change
 * makes its fit compute something else for the same inputs; kept fits of the old code then never match again.
 * - blend: recommender/ranking/blendFit.ts, blendAscent.ts, pairwiseRanker.ts, and the scoring the fit runs
 *   (scoring.ts, historySignals.ts, candidateBoard.ts, coPurchase.ts, similarCustomers.ts, popularity.ts, types.ts)
 * - ease: recommender/ranking/ease.ts, spdInverse*.ts
 * - intent: language/local/softmax.ts
 * - clusters: recommender/segmentation/clustering.ts (fitClusters and the k-means it runs)
 */
export const FIT_VERSIONS = { blend: 1, ease: 1, intent: 1, clusters: 1 } as const;

export type ModelKind = keyof typeof FIT_VERSIONS;

/** Builds a key (`kind-<sha256>`) from the kind's fit version and everything the fit reads, fed in a fixed order. */
export class Fingerprint {
  private readonly hash: Hash = createHash('sha256');

  constructor(private readonly kind: ModelKind) {
    this.text(`${kind}:${FIT_VERSIONS[kind]}`);
  }

  /** A string, length-prefixed so consecutive parts cannot run into each other. */
  text(value: string): this {
    this.hash.update(`${value.length}:`);
    this.hash.update(value);
    return this;
  }

  json(value: unknown): this {
    return this.text(JSON.stringify(value) ?? 'undefined');
  }

  ints(values: Int32Array): this {
    this.hash.update(`#${values.length}:`);
    this.hash.update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    return this;
  }

  floats(values: Float64Array): this {
    this.hash.update(`#${values.length}f:`);
    this.hash.update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
    return this;
  }

  key(): string {
    return `${this.kind}-${this.hash.digest('hex')}`;
  }
}

/** The kept result under `key` when it decodes, else `fit()` (then kept). No cache: just `fit()`. */
export function keptOrFitted<T>(cache: ModelCache | undefined, key: () => string, codec: Codec<T>, fit: () => T): T {
  if (!cache) return fit();
  const name = key();
  const bytes = cache.get(name);
  if (bytes) {
    try {
      return codec.decode(bytes);
    } catch (error) {
      cache.reject(name, error instanceof Error ? error.message : String(error));
    }
  }
  const fitted = fit();
  cache.set(name, codec.encode(fitted));
  return fitted;
}

export interface Codec<T> {
  encode(value: T): Uint8Array;
  /** Throws when the bytes are not a value of T. */
  decode(bytes: Uint8Array): T;
}

type ModelArray = Float64Array | Float32Array | Int32Array;
const ARRAY_TYPES = { f64: Float64Array, f32: Float32Array, i32: Int32Array } as const;
type ArrayType = keyof typeof ARRAY_TYPES;

/** Plain metadata and typed arrays: what a fitted model is made of. */
export interface PackedModel {
  meta: unknown;
  arrays: Record<string, ModelArray>;
}

const typeOf = (array: ModelArray): ArrayType => (array instanceof Float64Array ? 'f64' : array instanceof Float32Array ? 'f32' : 'i32');

/** JSON loses -0, NaN and the infinities: those numbers travel as {"$num": text}, so metadata comes back bit for bit. */
const exactReplacer = (_key: string, value: unknown): unknown =>
  typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0)) ? { $num: Object.is(value, -0) ? '-0' : String(value) } : value;

const exactReviver = (_key: string, value: unknown): unknown => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const text = (value as { $num?: unknown }).$num;
  return keys.length === 1 && typeof text === 'string' ? Number(text) : value;
};

const align = (n: number): number => Math.ceil(n / 8) * 8;

/** One byte string: header length (4 bytes), JSON header, then each array's bytes at an 8-byte boundary. */
export function packModel(model: PackedModel): Uint8Array {
  const entries = Object.entries(model.arrays);
  const header = new TextEncoder().encode(JSON.stringify({ meta: model.meta, arrays: entries.map(([name, a]) => [name, typeOf(a), a.length]) }, exactReplacer));
  let size = align(4 + header.length);
  for (const [, array] of entries) size += align(array.byteLength);
  const bytes = new Uint8Array(size);
  new DataView(bytes.buffer).setUint32(0, header.length, true);
  bytes.set(header, 4);
  let at = align(4 + header.length);
  for (const [, array] of entries) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += align(array.byteLength);
  }
  return bytes;
}

/** The inverse of packModel; throws on bytes it did not write. */
export function unpackModel(bytes: Uint8Array): PackedModel {
  if (bytes.length < 4) throw new Error('model bytes too short');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  if (4 + headerLength > bytes.length) throw new Error('model header runs past the end');
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength)), exactReviver) as { meta?: unknown; arrays?: unknown };
  if (!Array.isArray(header.arrays)) throw new Error('model header lists no arrays');
  let at = align(4 + headerLength);
  const arrays: Record<string, ModelArray> = {};
  for (const entry of header.arrays as unknown[]) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !(entry[1] in ARRAY_TYPES) || !Number.isSafeInteger(entry[2]) || entry[2] < 0) throw new Error('malformed array entry');
    const Type = ARRAY_TYPES[entry[1] as ArrayType];
    const byteLength = (entry[2] as number) * Type.BYTES_PER_ELEMENT;
    if (at + byteLength > bytes.length) throw new Error(`array ${entry[0]} runs past the end`);
    // Copied into its own aligned buffer: the bytes may sit at any offset of a shared one (and a Buffer's slice is a view).
    const own = new Uint8Array(byteLength);
    own.set(bytes.subarray(at, at + byteLength));
    arrays[entry[0]] = new Type(own.buffer);
    at += align(byteLength);
  }
  return { meta: header.meta, arrays };
}
