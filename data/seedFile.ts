/** Reads a store seed: a StoreData JSON document, plain or gzip-compressed, validated like the store file. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { firstIssue } from '../domain/zodIssues';
import { StoreDataSchema, type StoreData } from './storeSchema';

/** The committed demo seed (built by `npm run seed`, see data/seed/README.md). */
export const DEFAULT_SEED_PATH = join(__dirname, 'seed', 'store-seed.json.gz');

export class SeedFileError extends Error {
  constructor(readonly path: string, reason: string) {
    super(`The seed file ${path} cannot be used: ${reason}`);
    this.name = 'SeedFileError';
  }
}

/**
 * The last seed this process validated, keyed by its file's exact bytes: a process that opens stores from one seed
 * again and again (every bot start of a test suite) pays the zod validation once (0.15-0.3 s) and then a copy. Other
 * bytes are read and validated in full. Callers own and change what they get, so each gets its own deep copy.
 */
let lastSeed: { bytes: Buffer; data: StoreData } | null = null;

export async function readSeedFile(path: string): Promise<StoreData> {
  let bytes: Buffer;
  let text: string;
  try {
    bytes = await readFile(path);
    if (lastSeed?.bytes.equals(bytes)) return structuredClone(lastSeed.data);
    text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch (e) {
    throw new SeedFileError(path, (e as Error).message);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new SeedFileError(path, `it is not valid JSON (${(e as Error).message})`);
  }
  const data = parseStoreData(json, path);
  lastSeed = { bytes, data: structuredClone(data) };
  return data;
}

export function parseStoreData(json: unknown, source: string): StoreData {
  const parsed = StoreDataSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new SeedFileError(source, `it does not match the store shape at ${firstIssue(parsed.error)}`);
}
