import { readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { openStore } from '../../data/openStore';
import { customer, smallStore, withTempDir } from './storeFixtures';

// rename is the last step of every durable write (temp file -> target): counting renames counts file writes.
jest.mock('node:fs/promises', () => {
  const actual = jest.requireActual<typeof import('node:fs/promises')>('node:fs/promises');
  return { ...actual, rename: jest.fn(actual.rename) };
});

function fileWritesTo(path: string): number {
  return jest.mocked(rename).mock.calls.filter(([, to]) => to === path).length;
}

beforeEach(() => jest.mocked(rename).mockClear());

describe('write coalescing', () => {
  it('turns a burst of 50 customer writes into at most 2 file writes, all of them durable', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      const store = await openStore({ path, seed: smallStore });
      jest.mocked(rename).mockClear();
      try {
        const ids = Array.from({ length: 50 }, (_, i) => `B${i}`);
        await Promise.all(ids.map((id) => store.repositories.customers.put(customer(id))));
        expect(fileWritesTo(path)).toBeGreaterThanOrEqual(1);
        expect(fileWritesTo(path)).toBeLessThanOrEqual(2);
        const onDisk = JSON.parse(await readFile(path, 'utf8')) as { customers: { id: string }[] };
        expect(onDisk.customers).toHaveLength(52);
      } finally {
        await store.close();
      }
    });
  });

  it('turns a burst of 50 dialog-state writes into at most 2 writes of the state file and none of the store', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      const store = await openStore({ path, seed: smallStore });
      jest.mocked(rename).mockClear();
      try {
        await Promise.all(Array.from({ length: 50 }, (_, i) => store.conversationStorage.write({ [`webchat/conversations/c${i}`]: { turn: i } })));
        expect(fileWritesTo(`${path}.state.json`)).toBeGreaterThanOrEqual(1);
        expect(fileWritesTo(`${path}.state.json`)).toBeLessThanOrEqual(2);
        const storeStat = await stat(path);
        const stateOnDisk = JSON.parse(await readFile(`${path}.state.json`, 'utf8')) as { items: Record<string, unknown> };
        expect(Object.keys(stateOnDisk.items)).toHaveLength(50);
        expect((await stat(path)).mtimeMs).toBe(storeStat.mtimeMs);
      } finally {
        await store.close();
      }
    });
  });
});
