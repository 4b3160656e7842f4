import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openStore } from '../../data/openStore';
import { StoreFileError } from '../../data/lowdb/durableJsonFile';
import { smallStore, withSmallStore, withTempDir } from './storeFixtures';

const KEY = 'webchat/conversations/abc';


describe('conversation Storage', () => {
  it('reads back what was written with a fresh eTag and omits missing keys', async () => {
    await withSmallStore(async ({ conversationStorage: storage }) => {
      await storage.write({ [KEY]: { dialogStack: [{ id: 'main' }] } });
      const items = await storage.read([KEY, 'webchat/conversations/none']);
      expect(Object.keys(items)).toEqual([KEY]);
      expect(items[KEY].dialogStack).toEqual([{ id: 'main' }]);
      expect(typeof items[KEY].eTag).toBe('string');
    });
  });

  const conflicts: [string, boolean, (stale: string) => string | undefined][] = [
    ['the current eTag', true, () => undefined],
    ['a stale eTag', false, (stale) => stale],
    ["'*'", true, () => '*'],
    ['no eTag', true, () => ''],
  ];
  it.each(conflicts)('a write carrying %s is accepted: %s', async (_name, succeeds, pick) => {
    await withSmallStore(async ({ conversationStorage: storage }) => {
      await storage.write({ [KEY]: { n: 1 } });
      const stale = (await storage.read([KEY]))[KEY];
      await storage.write({ [KEY]: { ...stale, n: 2 } });
      const current = (await storage.read([KEY]))[KEY];
      const eTag = pick(stale.eTag as string) ?? current.eTag;
      const attempt = storage.write({ [KEY]: { n: 3, ...(eTag ? { eTag } : {}) } });
      if (succeeds) {
        await attempt;
        expect((await storage.read([KEY]))[KEY].n).toBe(3);
      } else {
        await expect(attempt).rejects.toThrow(`error writing "${KEY}" due to eTag conflict`);
        expect((await storage.read([KEY]))[KEY].n).toBe(2);
      }
    });
  });

  it('applies a multi-key write all or nothing', async () => {
    await withSmallStore(async ({ conversationStorage: storage }) => {
      await storage.write({ a: { v: 1 }, b: { v: 1 } });
      await storage.write({ b: { v: 2 } });
      await expect(storage.write({ a: { v: 9 }, b: { v: 9, eTag: 'stale' } })).rejects.toThrow(/eTag conflict/);
      const items = await storage.read(['a', 'b']);
      expect([items.a.v, items.b.v]).toEqual([1, 2]);
    });
  });

  it('copies items in and out, so later edits do not leak into the store', async () => {
    await withSmallStore(async ({ conversationStorage: storage }) => {
      const state = { list: [1] };
      await storage.write({ [KEY]: state });
      state.list.push(2);
      const read = (await storage.read([KEY]))[KEY];
      read.list.push(3);
      expect((await storage.read([KEY]))[KEY].list).toEqual([1]);
    });
  });

  it('deletes keys (missing ones are fine) and treats prototype names as ordinary keys', async () => {
    await withSmallStore(async ({ conversationStorage: storage }) => {
      expect(await storage.read(['constructor', 'toString'])).toEqual({});
      await storage.write({ [KEY]: { n: 1 }, constructor: { n: 2 } });
      await storage.delete([KEY, 'never-written']);
      const items = await storage.read([KEY, 'constructor']);
      expect(Object.keys(items)).toEqual(['constructor']);
      expect(items['constructor']).toMatchObject({ n: 2 });
    });
  });

  it('keeps state across a restart, in its own files', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      const first = await openStore({ path, seed: smallStore });
      const storeBytes = await readFile(path, 'utf8');
      await first.conversationStorage.write({ [KEY]: { step: 2 } });
      await first.close();
      expect(await readFile(path, 'utf8')).toBe(storeBytes);
      const second = await openStore({ path, seed: smallStore });
      expect((await second.conversationStorage.read([KEY]))[KEY].step).toBe(2);
      await second.close();
    });
  });

  it('uses a configured state path and refuses a corrupt state file without touching it', async () => {
    await withTempDir(async (dir) => {
      const statePath = join(dir, 'dialog-state.json');
      await writeFile(statePath, '{"version":1,"items":[]}');
      const opening = openStore({ path: join(dir, 'store.json'), statePath, seed: smallStore });
      await expect(opening).rejects.toBeInstanceOf(StoreFileError);
      expect(await readFile(statePath, 'utf8')).toBe('{"version":1,"items":[]}');
    });
  });
});
