/** lowdb: TRANSCRIPT_RETENTION_DAYS prunes idle conversations in the background, and the file keeps only the rest. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openConsoleStore } from '../../data/console/consoleStore';
import { startTranscriptPruning } from '../../data/console/transcriptRetention';
import { transcriptEntry } from './contracts/consoleTranscripts';

describe('transcript retention on lowdb', () => {
  it('a minute after start, drops conversations idle for longer than the retention period, and logs how many', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'retention-'));
    const path = join(dir, 'console.json');
    const store = await openConsoleStore(path);
    try {
      await store.transcripts.append('old', 'webchat', [transcriptEntry('2026-01-01T10:00:00.000Z', 'forgotten words', null)]);
      await store.transcripts.append('recent', 'webchat', [transcriptEntry('2026-11-10T10:00:00.000Z', 'kept words', null)]);
      const logged: Record<string, unknown>[] = [];
      jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
      const pruning = startTranscriptPruning(store.transcripts, {
        days: 90, now: () => new Date('2026-11-20T00:00:00.000Z'), log: (_msg, fields) => logged.push(fields ?? {}),
      });
      jest.advanceTimersByTime(60_000);
      jest.useRealTimers();
      await pruning.stop();
      expect(logged).toEqual([{ conversations: 1, days: 90 }]);
      expect((await store.transcripts.list()).map((c) => c.id)).toEqual(['recent']);
      await store.flush();
      const text = await readFile(path, 'utf8');
      expect(text).not.toContain('forgotten words');
      expect(text).toContain('kept words');
    } finally {
      jest.useRealTimers();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
