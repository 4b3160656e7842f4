import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openConsoleStore } from '../../data/console/consoleStore';
import { StoreFileError } from '../../data/lowdb/durableJsonFile';
import { AT_RISK, entry } from './support/fixture';
import { withTempDir } from './support/tempDir';

const readOrEmpty = (path: string) => readFile(path, 'utf8').catch(() => '');

describe('console store persistence', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await withTempDir()));
  afterEach(() => cleanup());

  test('a transcript write appends to the journal instead of rewriting the snapshot, and survives a reopen', async () => {
    const path = join(dir, 'console.json');
    const store = await openConsoleStore(path);
    await store.transcripts.append('c1', 'webchat', [entry('2026-11-20T09:00:00Z', 'in', 'first turn', 'A', AT_RISK)]);
    await store.transcripts.append('c1', 'webchat', [entry('2026-11-20T09:01:00Z', 'in', 'second turn', 'A', AT_RISK)]);
    await store.transcripts.setTags('c1', ['vip']);
    expect(await readOrEmpty(path)).not.toContain('first turn');
    expect((await readOrEmpty(`${path}.journal`)).trim().split('\n')).toHaveLength(3);
    await store.close();

    const reopened = await openConsoleStore(path);
    expect((await reopened.transcripts.get('c1'))?.entries.map((e) => e.text)).toEqual(['first turn', 'second turn']);
    expect((await reopened.transcripts.get('c1'))?.tags).toEqual(['vip']);
    // Opening replays the journal into a fresh snapshot.
    expect(await readOrEmpty(`${path}.journal`)).toBe('');
    expect(await readOrEmpty(path)).toContain('second turn');
    await reopened.close();
  });

  test('the journal is compacted into the snapshot once it passes its size limit', async () => {
    const path = join(dir, 'console.json');
    const store = await openConsoleStore(path, { compactBytes: 2000 });
    for (let i = 0; i < 8; i += 1) await store.transcripts.append(`c${i}`, 'webchat', [entry('2026-11-20T09:00:00Z', 'in', `turn ${i}`, null, null)]);
    expect((await readOrEmpty(`${path}.journal`)).length).toBeLessThan(2000);
    expect(await readOrEmpty(path)).toContain('turn 0');
    await store.close();
    const reopened = await openConsoleStore(path);
    expect(await reopened.transcripts.list()).toHaveLength(8);
    await reopened.close();
  });

  test('a torn last journal line is ignored; a bad line before it stops the store and leaves the files alone', async () => {
    const path = join(dir, 'console.json');
    const store = await openConsoleStore(path);
    await store.transcripts.append('c1', 'webchat', [entry('2026-11-20T09:00:00Z', 'in', 'kept', null, null)]);
    await store.close();
    const journal = await readFile(`${path}.journal`, 'utf8').catch(() => '');
    await writeFile(`${path}.journal`, `${journal}{"c":{"id":"c2","chan`);
    const reopened = await openConsoleStore(path);
    expect((await reopened.transcripts.list()).map((c) => c.id)).toEqual(['c1']);
    await reopened.close();

    await appendFile(`${path}.journal`, 'not json\n{"d":"c1"}\n');
    const before = await readFile(`${path}.journal`, 'utf8');
    await expect(openConsoleStore(path)).rejects.toBeInstanceOf(StoreFileError);
    expect(await readFile(`${path}.journal`, 'utf8')).toBe(before);
  });

  test('after erasure no file holds the customer transcript', async () => {
    const path = join(dir, 'console.json');
    const store = await openConsoleStore(path);
    await store.transcripts.append('c1', 'webchat', [entry('2026-11-20T09:00:00Z', 'in', 'my secret wish list', 'A', AT_RISK)]);
    await store.transcripts.append('c2', 'webchat', [entry('2026-11-20T09:00:00Z', 'in', 'someone else', 'B', AT_RISK)]);
    expect(await store.transcripts.removeCustomer('A')).toBe(1);
    const files = (await readOrEmpty(path)) + (await readOrEmpty(`${path}.journal`));
    expect(files).not.toContain('my secret wish list');
    expect(files).toContain('someone else');
    await store.close();
  });
});
