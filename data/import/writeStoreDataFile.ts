/** Writes a store document (plain JSON, or gzip when the path ends in .gz) atomically, after validating it. */
import { rename, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { parseStoreData } from '../seedFile';
import type { StoreData } from '../storeSchema';

export async function writeStoreDataFile(path: string, data: StoreData): Promise<number> {
  const valid = parseStoreData(data, 'the imported data');
  const text = JSON.stringify(valid);
  const bytes = path.endsWith('.gz') ? gzipSync(text, { level: 9 }) : Buffer.from(text, 'utf8');
  const temp = `${path}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, path);
  return bytes.length;
}
