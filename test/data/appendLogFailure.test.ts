/** A failed append (disk full half-way through the lines) must not corrupt the log for later appends. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppendLog } from '../../data/lowdb/appendLog';
import { withTempDir } from './storeFixtures';

// Handles opened on *.jsonl files write only half of the next text and then fail, while `mockFailNextWrite` is set.
// Named mock*: jest hoists the jest.mock call above the imports and lets its factory read only such variables.
let mockFailNextWrite = false;
jest.mock('node:fs/promises', () => {
  const actual = jest.requireActual<typeof import('node:fs/promises')>('node:fs/promises');
  const failingOpen: typeof actual.open = async (...args) => {
    const handle = await actual.open(...args);
    if (String(args[0]).endsWith('.jsonl')) {
      const write = handle.write.bind(handle) as (text: string) => Promise<unknown>;
      Object.assign(handle, {
        write: async (text: string) => {
          if (!mockFailNextWrite) return write(text);
          mockFailNextWrite = false;
          await write(text.slice(0, Math.floor(text.length / 2)));
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        },
      });
    }
    return handle;
  };
  return { ...actual, open: failingOpen };
});

const NoteSchema = z.object({ id: z.string(), text: z.string() });
type Note = z.infer<typeof NoteSchema>;
const openNotes = (path: string) => AppendLog.open<Note>(path, { schema: NoteSchema, what: 'note', idOf: (n) => n.id });

describe('AppendLog after a failed write', () => {
  it('rejects the failed append, and the next write leaves a clean file holding every record in memory', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'notes.jsonl');
      const log = await openNotes(path);
      await log.append([{ id: 'N1', text: 'first' }]);
      mockFailNextWrite = true;
      await expect(log.append([{ id: 'N2', text: 'lost half-way' }, { id: 'N3', text: 'x' }])).rejects.toThrow(/ENOSPC/);
      await log.append([{ id: 'N4', text: 'after the failure' }]);
      await log.close();
      const lines = (await readFile(path, 'utf8')).trim().split('\n');
      expect(lines.map((l) => (JSON.parse(l) as Note).id)).toEqual(['N1', 'N2', 'N3', 'N4']);
      const reopened = await openNotes(path);
      expect(reopened.all().map((n) => n.id)).toEqual(['N1', 'N2', 'N3', 'N4']);
      await reopened.close();
    });
  });
});
