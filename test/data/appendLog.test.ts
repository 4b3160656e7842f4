import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppendLog } from '../../data/lowdb/appendLog';
import { StoreFileError } from '../../data/lowdb/durableJsonFile';
import { withTempDir } from './storeFixtures';

const NoteSchema = z.object({ id: z.string(), customerId: z.string().nullable(), text: z.string() });
type Note = z.infer<typeof NoteSchema>;

const note = (id: string, customerId: string | null, text = `note ${id}`): Note => ({ id, customerId, text });
const line = (n: Note): string => `${JSON.stringify(n)}\n`;

function openNotes(path: string): Promise<AppendLog<Note>> {
  return AppendLog.open(path, { schema: NoteSchema, what: 'note', idOf: (n) => n.id, customerOf: (n) => n.customerId });
}

async function withLog(run: (path: string) => Promise<void>): Promise<void> {
  await withTempDir((dir) => run(join(dir, 'notes.jsonl')));
}

describe('AppendLog', () => {
  it('keeps every acknowledged record across a reopen, even without close (a crash), in order and by customer', async () => {
    await withLog(async (path) => {
      const first = await openNotes(path);
      await first.append([note('N1', 'C1'), note('N2', null)]);
      await first.append([note('N3', 'C1'), note('N4', 'C2')]);
      const reopened = await openNotes(path);
      expect(reopened.all().map((n) => n.id)).toEqual(['N1', 'N2', 'N3', 'N4']);
      expect(reopened.forCustomer('C1').map((n) => n.id)).toEqual(['N1', 'N3']);
      expect(reopened.get('N4')).toEqual(note('N4', 'C2'));
      expect(reopened.forCustomer('C9')).toEqual([]);
      await Promise.all([first.close(), reopened.close()]);
    });
  });

  it('returns frozen records, so no caller edits the log behind its back', async () => {
    await withLog(async (path) => {
      const log = await openNotes(path);
      await log.append([note('N1', 'C1')]);
      expect(Object.isFrozen(log.get('N1'))).toBe(true);
      await log.close();
    });
  });

  it('adds nothing from a batch that repeats an id or reuses a stored one', async () => {
    await withLog(async (path) => {
      const log = await openNotes(path);
      await log.append([note('N1', 'C1')]);
      await expect(log.append([note('N2', 'C1'), note('N2', 'C1')])).rejects.toThrow(/repeats id "N2"/);
      await expect(log.append([note('N3', 'C1'), note('N1', 'C1')])).rejects.toThrow(/"N1" is already stored/);
      expect(log.all().map((n) => n.id)).toEqual(['N1']);
      await log.close();
      expect(await readFile(path, 'utf8')).toBe(line(note('N1', 'C1')));
    });
  });

  it('ignores a torn last line (an append never acknowledged) and appends cleanly after it', async () => {
    await withLog(async (path) => {
      await writeFile(path, `${line(note('N1', 'C1'))}{"id":"N2","custo`);
      const log = await openNotes(path);
      expect(log.all().map((n) => n.id)).toEqual(['N1']);
      await log.append([note('N3', 'C1')]);
      await log.close();
      const reopened = await openNotes(path);
      expect(reopened.all().map((n) => n.id)).toEqual(['N1', 'N3']);
      await reopened.close();
    });
  });

  it('keeps a complete last record that only lacks its newline', async () => {
    await withLog(async (path) => {
      await writeFile(path, JSON.stringify(note('N1', 'C1')));
      const log = await openNotes(path);
      await log.append([note('N2', 'C1')]);
      await log.close();
      expect(await readFile(path, 'utf8')).toBe(line(note('N1', 'C1')) + line(note('N2', 'C1')));
    });
  });

  const corrupt: [string, string, RegExp][] = [
    ['a line that is not JSON', 'not json\n', /line 2 is not a valid note \(not JSON\)/],
    ['a record of the wrong shape', '{"id":"N9","customerId":7,"text":"x"}\n', /line 2 is not a valid note \(customerId: /],
    ['a repeated id', line(note('N1', 'C2')), /repeats a note id/],
  ];
  it.each(corrupt)('stops with a StoreFileError naming the file on %s, leaving the bytes untouched', async (_name, bad, reason) => {
    await withLog(async (path) => {
      const content = line(note('N1', 'C1')) + bad + line(note('N3', 'C1'));
      await writeFile(path, content);
      const error = await openNotes(path).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(StoreFileError);
      expect((error as Error).message).toMatch(reason);
      expect((error as Error).message).toContain(path);
      expect(await readFile(path, 'utf8')).toBe(content);
    });
  });

  it("updateCustomer rewrites the file with no trace of the customer's id and keeps the index right", async () => {
    await withLog(async (path) => {
      const log = await openNotes(path);
      await log.append([note('N1', 'C-secret'), note('N2', 'C2'), note('N3', 'C-secret')]);
      expect(await log.updateCustomer('C-secret', (n) => ({ ...n, customerId: null }))).toBe(2);
      expect(await log.updateCustomer('C-nobody', (n) => ({ ...n, customerId: null }))).toBe(0);
      expect(log.forCustomer('C-secret')).toEqual([]);
      expect(log.all().map((n) => [n.id, n.customerId])).toEqual([['N1', null], ['N2', 'C2'], ['N3', null]]);
      expect(await readFile(path, 'utf8')).not.toContain('C-secret');
      // Appends after the rewrite land in the new file, not in the replaced one.
      await log.append([note('N4', 'C2')]);
      await log.close();
      const reopened = await openNotes(path);
      expect(reopened.all().map((n) => [n.id, n.customerId])).toEqual([['N1', null], ['N2', 'C2'], ['N3', null], ['N4', 'C2']]);
      expect(reopened.forCustomer('C2').map((n) => n.id)).toEqual(['N2', 'N4']);
      await reopened.close();
    });
  });

  it('updateCustomer refuses an update that changes the id, changing nothing', async () => {
    await withLog(async (path) => {
      const log = await openNotes(path);
      await log.append([note('N1', 'C1')]);
      await expect(log.updateCustomer('C1', (n) => ({ ...n, id: 'other' }))).rejects.toThrow(/changed the id/);
      expect(log.forCustomer('C1').map((n) => n.id)).toEqual(['N1']);
      await log.close();
    });
  });

  it('refuses changes after close, and a reopen sees a file an editor appended to', async () => {
    await withLog(async (path) => {
      const log = await openNotes(path);
      await log.close();
      await expect(log.append([note('N1', null)])).rejects.toThrow(/closed/);
      await expect(log.updateCustomer('C1', (n) => n)).rejects.toThrow(/closed/);
      await appendFile(path, line(note('N2', 'C1')));
      const reopened = await openNotes(path);
      expect(reopened.forCustomer('C1').map((n) => n.id)).toEqual(['N2']);
      await reopened.close();
    });
  });
});
