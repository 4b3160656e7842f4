/** The contract of the dialog-state Storage (botbuilder's three methods plus the erasure purge), with real eTags. */
import type { Storage } from 'botbuilder';
import type { OpenedStore } from '../../../data/openStore';
import type { StoreFactory } from './harness';

const KEY = 'webchat/conversations/abc';

async function withStorage(factory: StoreFactory, run: (storage: Storage, store: OpenedStore) => Promise<void>): Promise<void> {
  const session = await factory.open();
  try {
    await run(session.store.conversationStorage, session.store);
  } finally {
    await session.dispose();
  }
}

export function conversationStorageContract(factory: () => StoreFactory): void {
  describe('conversation Storage', () => {
    it('reads back what was written with a fresh eTag per write, omits missing keys, survives a reopen', async () => {
      const session = await factory().open();
      try {
        const storage = session.store.conversationStorage;
        await storage.write({ [KEY]: { dialogStack: [{ id: 'main', state: { n: 1.5, text: 'é "quoted"' } }] } });
        const first = await storage.read([KEY, 'webchat/conversations/none']);
        expect(Object.keys(first)).toEqual([KEY]);
        expect(first[KEY].dialogStack).toEqual([{ id: 'main', state: { n: 1.5, text: 'é "quoted"' } }]);
        expect(typeof first[KEY].eTag).toBe('string');
        await storage.write({ [KEY]: first[KEY] });
        const second = (await storage.read([KEY]))[KEY];
        expect(second.eTag).not.toBe(first[KEY].eTag);
        const reopened = (await (await session.reopen()).conversationStorage.read([KEY]))[KEY];
        expect(reopened).toEqual(second);
        expect(await storage.read([])).toEqual({});
      } finally {
        await session.dispose();
      }
    });

    const cases: [string, boolean, (stale: string, current: string) => string | undefined][] = [
      ['the current eTag', true, (_stale, current) => current],
      ['a stale eTag', false, (stale) => stale],
      ["'*'", true, () => '*'],
      ['no eTag', true, () => undefined],
    ];
    it.each(cases)('a write carrying %s is accepted: %s', async (_name, succeeds, pick) => {
      await withStorage(factory(), async (storage) => {
        await storage.write({ [KEY]: { n: 1 } });
        const stale = (await storage.read([KEY]))[KEY];
        await storage.write({ [KEY]: { ...stale, n: 2 } });
        const current = (await storage.read([KEY]))[KEY];
        const eTag = pick(stale.eTag as string, current.eTag as string);
        const attempt = storage.write({ [KEY]: { n: 3, ...(eTag ? { eTag } : {}) } });
        if (succeeds) {
          await attempt;
          expect((await storage.read([KEY]))[KEY].n).toBe(3);
        } else {
          await expect(attempt).rejects.toThrow(`error writing "${KEY}" due to eTag conflict`);
          expect((await storage.read([KEY]))[KEY]).toEqual(current);
        }
      });
    });

    it('accepts a NUL character typed into a value or a key (PostgreSQL keeps U+FFFD instead: jsonb cannot hold one)', async () => {
      await withStorage(factory(), async (storage) => {
        await storage.write({ [KEY]: { text: 'a\u0000b', list: ['\u0000'] }, 'odd\u0000key': { n: 1 } });
        const read = (await storage.read([KEY]))[KEY];
        expect(['a\u0000b', 'a\ufffdb']).toContain(read.text);
        expect(await storage.read(['odd\u0000key'])).toMatchObject({ 'odd\u0000key': { n: 1 } });
        expect(await storage.read(['oddkey'])).toEqual({});
        expect(read.list).toHaveLength(1);
      });
    });

    it('accepts a lone surrogate in a value (as the replacement character or as it was)', async () => {
      await withStorage(factory(), async (storage) => {
        await storage.write({ [KEY]: { text: 'a\ud800b' } });
        expect(['a\ud800b', 'a\ufffdb']).toContain((await storage.read([KEY]))[KEY].text);
      });
    });

    it('a conditional write to a key that does not exist yet creates it', async () => {
      await withStorage(factory(), async (storage) => {
        await storage.write({ [KEY]: { n: 1, eTag: 'from-elsewhere' } });
        expect((await storage.read([KEY]))[KEY].n).toBe(1);
      });
    });

    it('of several writers holding the same eTag, exactly one wins', async () => {
      await withStorage(factory(), async (storage) => {
        await storage.write({ [KEY]: { n: 0 } });
        const { eTag } = (await storage.read([KEY]))[KEY];
        const results = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => storage.write({ [KEY]: { n, eTag } })));
        const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i + 1] : []));
        expect(won).toHaveLength(1);
        expect((await storage.read([KEY]))[KEY].n).toBe(won[0]);
      });
    });

    it('applies a multi-key write all or nothing', async () => {
      await withStorage(factory(), async (storage) => {
        await storage.write({ a: { v: 1 }, b: { v: 1 } });
        const staleB = (await storage.read(['b'])).b.eTag as string;
        await storage.write({ b: { v: 2 } });
        await expect(storage.write({ a: { v: 9 }, b: { v: 9, eTag: staleB } })).rejects.toThrow(/eTag conflict/);
        const items = await storage.read(['a', 'b']);
        expect([items.a.v, items.b.v]).toEqual([1, 2]);
      });
    });

    it('copies items in and out, so later edits do not leak into the store', async () => {
      await withStorage(factory(), async (storage) => {
        const state = { list: [1] };
        await storage.write({ [KEY]: state });
        state.list.push(2);
        const read = (await storage.read([KEY]))[KEY];
        read.list.push(3);
        expect((await storage.read([KEY]))[KEY].list).toEqual([1]);
      });
    });

    it('deletes keys (missing ones are fine) and treats prototype names as ordinary keys', async () => {
      await withStorage(factory(), async (storage) => {
        expect(await storage.read(['constructor', 'toString'])).toEqual({});
        await storage.write({ [KEY]: { n: 1 }, constructor: { n: 2 } });
        await storage.delete([KEY, 'never-written']);
        const items = await storage.read([KEY, 'constructor']);
        expect(Object.keys(items)).toEqual(['constructor']);
        expect(items['constructor']).toMatchObject({ n: 2 });
      });
    });

    it('refuses calls without keys or changes', async () => {
      await withStorage(factory(), async (storage) => {
        await expect(storage.read(undefined as never)).rejects.toThrow(/Keys are required/);
        await expect(storage.write(undefined as never)).rejects.toThrow(/Changes are required/);
        await expect(storage.delete(undefined as never)).rejects.toThrow(/Keys are required/);
      });
    });

    it('purge removes exactly the items the erasure selects', async () => {
      await withStorage(factory(), async (storage, store) => {
        const items = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, { owner: i % 3 === 0 ? 'C1' : 'C2' }]));
        await storage.write(items);
        expect(await store.purgeConversationState((item) => item.owner === 'C1')).toBe(4);
        const left = await storage.read(Object.keys(items));
        expect(Object.values(left).map((i) => i.owner).sort()).toEqual(Array(8).fill('C2'));
      });
    });
  });
}
