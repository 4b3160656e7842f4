/** The HandoffRepository contract: the queue, claims (one holder at a time), closing and what a handoff keeps. */
import type { HandoffRequest } from '../../../data/consolePorts';
import { actThenCheckConsole, withConsole, type ConsoleFactory } from './consoleHarness';

const request = (conversationId: string, at: string, extra: Partial<HandoffRequest> = {}): HandoffRequest => ({
  conversationId, customerId: 'A', reason: 'asked for a person', segment: null, at, ...extra,
});

export function handoffContract(factory: () => ConsoleFactory): void {
  describe('HandoffRepository', () => {
    it('lists in request order, by state, and finds the active and the latest handoff of a conversation', async () => {
      let ids: string[] = [];
      await actThenCheckConsole(factory(), async ({ handoffs }) => {
        const first = await handoffs.open(request('c1', '2026-11-16T10:00:00.000Z', { earlierWords: ['hello'] }));
        const second = await handoffs.open(request('c2', '2026-11-16T10:01:00.000Z', { mode: 'callback', customerId: null }));
        await handoffs.close(first.id, '2026-11-16T10:05:00.000Z', 'handed_back');
        const third = await handoffs.open(request('c1', '2026-11-16T10:06:00.000Z'));
        ids = [first.id, second.id, third.id];
        expect(first).toMatchObject({ status: 'open', claimedBy: null, outcome: null, mode: 'live', earlierWords: ['hello'], reference: null });
      }, async ({ handoffs }) => {
        expect((await handoffs.list()).map((h) => h.id)).toEqual(ids);
        expect((await handoffs.list('open')).map((h) => h.id)).toEqual([ids[1], ids[2]]);
        expect((await handoffs.list('closed')).map((h) => [h.id, h.outcome, h.closedAt])).toEqual([[ids[0], 'handed_back', '2026-11-16T10:05:00.000Z']]);
        expect((await handoffs.activeFor('c1'))?.id).toBe(ids[2]);
        expect((await handoffs.get(ids[1]))?.mode).toBe('callback');
        expect(await handoffs.activeFor('c9')).toBeUndefined();
        expect(await handoffs.get('00000000-0000-0000-0000-000000000000')).toBeUndefined();
      });
    });

    it('one agent holds a handoff at a time; the holder may claim it again; a closed one cannot be claimed', async () => {
      await withConsole(factory(), async ({ handoffs }) => {
        const h = await handoffs.open(request('c1', '2026-11-16T10:00:00.000Z'));
        const claims = await Promise.all(['ann', 'bob', 'cat', 'dan'].map((who) => handoffs.claim(h.id, who, '2026-11-16T10:02:00.000Z')));
        const winners = claims.filter((c) => c.ok);
        expect(winners).toHaveLength(1);
        const holder = winners[0].ok ? winners[0].handoff.claimedBy : null;
        expect(claims.filter((c) => !c.ok)).toEqual(Array(3).fill({ ok: false, why: 'held_by_other', holder }));
        expect(await handoffs.claim(h.id, holder as string, '2026-11-16T10:03:00.000Z')).toMatchObject({ ok: true, handoff: { claimedAt: '2026-11-16T10:02:00.000Z' } });
        expect(await handoffs.activeFor('c1')).toMatchObject({ status: 'claimed', claimedBy: holder });
        await handoffs.close(h.id, '2026-11-16T10:04:00.000Z');
        expect(await handoffs.claim(h.id, holder as string, '2026-11-16T10:05:00.000Z')).toEqual({ ok: false, why: 'not_found' });
        expect(await handoffs.claim('00000000-0000-0000-0000-000000000000', 'ann', '2026-11-16T10:05:00.000Z')).toEqual({ ok: false, why: 'not_found' });
        expect(await handoffs.activeFor('c1')).toBeUndefined();
        expect((await handoffs.latestFor('c1'))?.outcome).toBe('closed');
      });
    });

    it('keeps the call-back email and the channel reference', async () => {
      let id = '';
      const reference = { serviceUrl: 'https://connector.example/', conversation: { id: 'c1' }, channelId: 'msteams' };
      await actThenCheckConsole(factory(), async ({ handoffs }) => {
        id = (await handoffs.open(request('c1', '2026-11-16T10:00:00.000Z', { mode: 'callback' }))).id;
        expect((await handoffs.setCallbackEmail(id, 'ann@example.com'))?.callbackEmail).toBe('ann@example.com');
        await handoffs.setReference(id, reference);
        await handoffs.setReference(id, { ...reference });
        expect(await handoffs.setCallbackEmail('00000000-0000-0000-0000-000000000000', 'x@example.com')).toBeUndefined();
        expect(await handoffs.close('00000000-0000-0000-0000-000000000000', '2026-11-16T10:00:00.000Z')).toBeUndefined();
      }, async ({ handoffs }) => {
        expect(await handoffs.get(id)).toMatchObject({ callbackEmail: 'ann@example.com', reference });
      });
    });
  });
}
