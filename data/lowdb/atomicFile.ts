/**
 * Replaces a file atomically and durably: temp file + fsync + rename + fsync of the folder, so a reader (or a
 * restart after a crash) sees either the old content or the new one, never a mix, and the new one once this
 * resolves.
 */
import { open, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export async function replaceFileDurably(path: string, text: string): Promise<void> {
  const tempPath = join(dirname(path), `.${basename(path)}.tmp`);
  const file = await open(tempPath, 'w');
  try {
    await file.writeFile(text, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(tempPath, path);
  await syncFolder(dirname(path));
}

/** Makes a rename or a file creation durable; some file systems refuse to open a folder, which is harmless. */
export async function syncFolder(folder: string): Promise<void> {
  try {
    const dir = await open(folder, 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // Not supported here: the rename is still atomic.
  }
}
