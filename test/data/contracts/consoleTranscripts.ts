/** The TranscriptRepository contract: appends, staff marks, export, erasure and retention. */
import type { TranscriptEntry } from '../../../data/console/schema';
import type { SegmentSnapshot } from '../../../domain/model';
import { actThenCheckConsole, withConsole, type ConsoleFactory } from './consoleHarness';

const VIP: SegmentSnapshot = { primary: 'champions', rfmLabel: 'champions', persona: 'loyal_fan' };

export function transcriptEntry(at: string, text: string, customerId: string | null, segment: SegmentSnapshot | null = null): TranscriptEntry {
  return { at, direction: 'in', type: 'message', text, cards: [], customerId, segment, intent: null, intentScore: null, reasons: [], voice: false };
}

export function transcriptContract(factory: () => ConsoleFactory): void {
  describe('TranscriptRepository', () => {
    it('appends in order, keeps the latest customer, segment and activity time, and lists in start order', async () => {
      await actThenCheckConsole(factory(), async ({ transcripts }) => {
        await transcripts.append('c1', 'webchat', [transcriptEntry('2026-11-16T10:00:00.000Z', 'hi', null)]);
        await transcripts.append('c2', 'directline', [transcriptEntry('2026-11-16T11:00:00.000Z', 'other', 'B')]);
        await transcripts.append('c1', 'webchat', [
          transcriptEntry('2026-11-16T10:01:00.000Z', 'signed in', 'A', VIP), transcriptEntry('2026-11-16T10:02:00.000Z', 'thanks', null)]);
        await transcripts.append('c1', 'webchat', []);
      }, async ({ transcripts }) => {
        const c1 = await transcripts.get('c1');
        expect(c1).toMatchObject({
          id: 'c1', channelId: 'webchat', customerId: 'A', segment: VIP, startedAt: '2026-11-16T10:00:00.000Z',
          lastActivityAt: '2026-11-16T10:02:00.000Z', tags: [], notes: [], reviewedAt: null, reviewedBy: null,
        });
        expect(c1?.entries.map((e) => e.text)).toEqual(['hi', 'signed in', 'thanks']);
        expect((await transcripts.list()).map((c) => c.id)).toEqual(['c1', 'c2']);
        expect(await transcripts.get('nope')).toBeUndefined();
      });
    });

    it('keeps staff tags (trimmed, once each), notes and review marks; unknown conversations give undefined', async () => {
      await actThenCheckConsole(factory(), async ({ transcripts }) => {
        await transcripts.append('c1', 'webchat', [transcriptEntry('2026-11-16T10:00:00.000Z', 'hi', null)]);
        expect((await transcripts.setTags('c1', [' vip ', 'vip', '', 'follow-up']))?.tags).toEqual(['vip', 'follow-up']);
        await transcripts.addNote('c1', { at: '2026-11-16T12:00:00.000Z', author: 'ann@shop.test', text: 'first' });
        await transcripts.addNote('c1', { at: '2026-11-16T12:01:00.000Z', author: 'bob@shop.test', text: 'second' });
        expect((await transcripts.setReviewed('c1', 'staff-1', true, '2026-11-16T13:00:00.000Z'))?.reviewedBy).toBe('staff-1');
        expect(await transcripts.setTags('nope', ['x'])).toBeUndefined();
        expect(await transcripts.addNote('nope', { at: '2026-11-16T12:00:00.000Z', author: 'a', text: 'b' })).toBeUndefined();
        expect(await transcripts.setReviewed('nope', 's', true, '2026-11-16T13:00:00.000Z')).toBeUndefined();
        // A later turn keeps the staff marks.
        await transcripts.append('c1', 'webchat', [transcriptEntry('2026-11-16T14:00:00.000Z', 'again', null)]);
      }, async ({ transcripts }) => {
        expect(await transcripts.get('c1')).toMatchObject({
          tags: ['vip', 'follow-up'], notes: [{ text: 'first' }, { text: 'second' }],
          reviewedAt: '2026-11-16T13:00:00.000Z', reviewedBy: 'staff-1', lastActivityAt: '2026-11-16T14:00:00.000Z',
        });
      });
      await withConsole(factory(), async ({ transcripts }) => {
        await transcripts.append('c1', 'webchat', [transcriptEntry('2026-11-16T10:00:00.000Z', 'hi', null)]);
        await transcripts.setReviewed('c1', 'staff-1', true, '2026-11-16T13:00:00.000Z');
        expect(await transcripts.setReviewed('c1', 'staff-1', false, '2026-11-16T13:05:00.000Z')).toMatchObject({ reviewedAt: null, reviewedBy: null });
      });
    });

    it('finds every conversation a customer took part in, and erasure removes them with their handoffs only', async () => {
      await actThenCheckConsole(factory(), async ({ transcripts, handoffs }) => {
        await transcripts.append('mine', 'webchat', [transcriptEntry('2026-11-16T10:00:00.000Z', 'I am A', 'A')]);
        // A took part, then someone else signed in: still A's conversation for export and erasure.
        await transcripts.append('shared', 'webchat', [transcriptEntry('2026-11-16T10:00:00.000Z', 'A here', 'A'), transcriptEntry('2026-11-16T10:01:00.000Z', 'B now', 'B')]);
        await transcripts.append('theirs', 'webchat', [transcriptEntry('2026-11-16T10:00:00.000Z', 'B only', 'B')]);
        await handoffs.open({ conversationId: 'mine', customerId: 'A', reason: 'help', segment: null, at: '2026-11-16T10:00:00.000Z' });
        await handoffs.open({ conversationId: 'theirs', customerId: 'B', reason: 'help', segment: null, at: '2026-11-16T10:00:00.000Z' });
        expect((await transcripts.forCustomer('A')).map((c) => c.id).sort()).toEqual(['mine', 'shared']);
        expect(await transcripts.removeCustomer('A')).toBe(2);
        expect(await transcripts.removeCustomer('A')).toBe(0);
      }, async ({ transcripts, handoffs }) => {
        expect(await transcripts.forCustomer('A')).toEqual([]);
        expect((await transcripts.list()).map((c) => c.id)).toEqual(['theirs']);
        expect((await handoffs.list()).map((h) => h.customerId)).toEqual(['B']);
      });
    });

    it('retention drops idle conversations and old closed handoffs, and keeps open ones', async () => {
      await actThenCheckConsole(factory(), async ({ transcripts, handoffs }) => {
        await transcripts.append('old', 'webchat', [transcriptEntry('2026-01-01T10:00:00.000Z', 'long ago', null)]);
        await transcripts.append('revived', 'webchat', [transcriptEntry('2026-01-01T10:00:00.000Z', 'long ago', null)]);
        await transcripts.append('revived', 'webchat', [transcriptEntry('2026-11-01T10:00:00.000Z', 'back again', null)]);
        const closed = await handoffs.open({ conversationId: 'old', customerId: null, reason: 'help', segment: null, at: '2026-01-01T10:00:00.000Z' });
        await handoffs.close(closed.id, '2026-01-01T11:00:00.000Z');
        await handoffs.open({ conversationId: 'old', customerId: null, reason: 'still waiting', segment: null, at: '2026-01-02T10:00:00.000Z' });
        expect(await transcripts.pruneBefore(new Date('2026-06-01T00:00:00.000Z'))).toBe(1);
        expect(await transcripts.pruneBefore(new Date('2026-06-01T00:00:00.000Z'))).toBe(0);
      }, async ({ transcripts, handoffs }) => {
        expect((await transcripts.list()).map((c) => c.id)).toEqual(['revived']);
        expect((await handoffs.list()).map((h) => h.reason)).toEqual(['still waiting']);
      });
    });

    it('stores text with a NUL character (PostgreSQL keeps U+FFFD in its place)', async () => {
      await actThenCheckConsole(factory(), async ({ transcripts }) => {
        await transcripts.append('odd\u0000id', 'webchat', [transcriptEntry('2026-11-16T10:00:00.000Z', 'a\u0000b', null)]);
      }, async ({ transcripts }) => {
        const [only] = await transcripts.list();
        expect(['a\u0000b', 'a\ufffdb']).toContain(only.entries[0].text);
        expect(await transcripts.get(only.id)).toBeDefined();
      });
    });
  });
}
