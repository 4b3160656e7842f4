import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StoreFileError } from '../../data/lowdb/durableJsonFile';
import { StateJournal } from '../../data/lowdb/stateJournal';
import { withTempDir } from './storeFixtures';

async function put(state: StateJournal, key: string, value: number): Promise<void> {
  await state.change(() => state.set(key, { value }));
}

describe('StateJournal (dialog-state persistence)', () => {
  it('keeps every acknowledged write when the process dies without closing', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      const crashed = await StateJournal.open(path);
      await put(crashed, 'a', 1);
      await put(crashed, 'b', 2);
      await crashed.change(() => crashed.delete('a'));
      // No close(): what a crash leaves is the (missing) snapshot plus the journal.
      const reopened = await StateJournal.open(path);
      expect({ ...reopened.items }).toEqual({ b: { value: 2 } });
      await reopened.close();
      await crashed.close();
    });
  });

  it('ignores a torn last line (an append that was never acknowledged)', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      const first = await StateJournal.open(path);
      await put(first, 'a', 1);
      await first.close();
      await appendFile(`${path}.journal`, '{"k":"a","v":{"val');
      const reopened = await StateJournal.open(path);
      expect({ ...reopened.items }).toEqual({ a: { value: 1 } });
      await put(reopened, 'a', 3);
      await reopened.close();
      const again = await StateJournal.open(path);
      expect(again.items.a).toEqual({ value: 3 });
      await again.close();
    });
  });

  it('refuses a journal with a bad line in the middle and leaves it untouched', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      const journal = '{"k":"a","v":{"n":1}}\nnot json\n{"k":"b","v":{"n":2}}\n';
      await writeFile(`${path}.journal`, journal);
      await expect(StateJournal.open(path)).rejects.toThrow(StoreFileError);
      await expect(StateJournal.open(path)).rejects.toThrow(/line 2 is not a journal entry/);
      expect(await readFile(`${path}.journal`, 'utf8')).toBe(journal);
    });
  });

  it('compacts into the lowdb snapshot once the journal passes its size limit', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'state.json');
      const state = await StateJournal.open(path, { compactBytes: 200 });
      for (let i = 0; i < 20; i++) await put(state, `key${i % 3}`, i);
      const journalSize = (await readFile(`${path}.journal`, 'utf8')).length;
      expect(journalSize).toBeLessThanOrEqual(200);
      const snapshot = JSON.parse(await readFile(path, 'utf8')) as { items: Record<string, { value: number }> };
      expect(Object.keys(snapshot.items).sort()).toEqual(['key0', 'key1', 'key2']);
      await state.close();
      const reopened = await StateJournal.open(path);
      expect({ ...reopened.items }).toEqual({ key0: { value: 18 }, key1: { value: 19 }, key2: { value: 17 } });
      await reopened.close();
    });
  });

  it('refuses changes after close', async () => {
    await withTempDir(async (dir) => {
      const state = await StateJournal.open(join(dir, 'state.json'));
      await state.close();
      await expect(put(state, 'a', 1)).rejects.toThrow(/closed/);
    });
  });
});
