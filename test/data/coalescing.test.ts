import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { openStore } from '../../data/openStore';
import type { SuggestionEvent } from '../../domain/model';
import { AT, customer, smallStore, withTempDir } from './storeFixtures';

// rename is the last step of every durable write (temp file -> target): counting renames counts file writes.
// Journal and log syncs are counted on the handles `open` returns for *.journal and *.jsonl files.
// Named mock*: jest hoists the jest.mock call above the imports and lets its factory read only such variables.
let mockJournalSyncs = 0;
let mockLogSyncs = 0;
jest.mock('node:fs/promises', () => {
  const actual = jest.requireActual<typeof import('node:fs/promises')>('node:fs/promises');
  const countingOpen: typeof actual.open = async (...args) => {
    const handle = await actual.open(...args);
    const path = String(args[0]);
    if (path.endsWith('.journal') || path.endsWith('.jsonl')) {
      const datasync = handle.datasync.bind(handle);
      handle.datasync = async () => {
        if (path.endsWith('.journal')) mockJournalSyncs++;
        else mockLogSyncs++;
        return datasync();
      };
    }
    return handle;
  };
  return { ...actual, rename: jest.fn(actual.rename), open: countingOpen };
});

function fileWritesTo(path: string): number {
  return jest.mocked(rename).mock.calls.filter(([, to]) => to === path).length;
}

beforeEach(() => {
  jest.mocked(rename).mockClear();
  mockJournalSyncs = 0;
  mockLogSyncs = 0;
});

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

  it('turns a burst of 50 dialog-state writes into at most 2 journal appends, rewriting neither file', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      const store = await openStore({ path, seed: smallStore });
      jest.mocked(rename).mockClear();
      try {
        await Promise.all(Array.from({ length: 50 }, (_, i) => store.conversationStorage.write({ [`webchat/conversations/c${i}`]: { turn: i } })));
        expect(mockJournalSyncs).toBeGreaterThanOrEqual(1);
        expect(mockJournalSyncs).toBeLessThanOrEqual(2);
        expect(jest.mocked(rename)).not.toHaveBeenCalled();
        const journal = (await readFile(`${path}.state.json.journal`, 'utf8')).trim().split('\n');
        expect(journal).toHaveLength(50);
      } finally {
        await store.close();
      }
    });
  });

  it('turns a burst of 50 suggestion-event writes into at most 2 log appends, rewriting no file', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      const store = await openStore({ path, seed: smallStore });
      jest.mocked(rename).mockClear();
      mockLogSyncs = 0;
      try {
        await Promise.all(Array.from({ length: 50 }, (_, i) => store.repositories.suggestionEvents.add([suggestionEvent(`E${i}`)])));
        expect(mockLogSyncs).toBeGreaterThanOrEqual(1);
        expect(mockLogSyncs).toBeLessThanOrEqual(2);
        expect(jest.mocked(rename)).not.toHaveBeenCalled();
        const lines = (await readFile(`${path}.events.jsonl`, 'utf8')).trim().split('\n');
        expect(lines).toHaveLength(50);
      } finally {
        await store.close();
      }
    });
  });
});

function suggestionEvent(id: string): SuggestionEvent {
  return { id, conversationId: 'conv-1', customerId: 'C1', productId: 'P1', kind: 'shown', reason: 'popular', segment: null, at: AT };
}
