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

export async function readSeedFile(path: string): Promise<StoreData> {
  let text: string;
  try {
    const bytes = await readFile(path);
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
  return parseStoreData(json, path);
}

export function parseStoreData(json: unknown, source: string): StoreData {
  const parsed = StoreDataSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new SeedFileError(source, `it does not match the store shape at ${firstIssue(parsed.error)}`);
}
