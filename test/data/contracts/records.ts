/** The contracts of the append-only records (feedback, suggestion events, audit) and identification locks. */
import type { Feedback, SuggestionEvent } from '../../../domain/model';
import { AT } from '../storeFixtures';
import { actThenCheck, ids, type StoreFactory } from './harness';

export function feedbackRecord(id: string, customerId: string | null): Feedback {
  return {
    id, conversationId: 'conv-1', customerId, segment: { primary: 'p', rfmLabel: 'r', persona: 'x' }, csat: 4, nps: 9,
    comment: 'ok', followsSuggestions: ['P1'], at: AT,
  };
}

export function suggestionEvent(id: string, customerId: string | null): SuggestionEvent {
  return { id, conversationId: 'conv-1', customerId, productId: 'P1', kind: 'shown', reason: 'repeat', segment: null, at: AT };
}

export function feedbackContract(factory: () => StoreFactory): void {
  describe('FeedbackRepository', () => {
    it('adds in order, lists by customer, unlinkCustomer keeps the scores and drops the comment', async () => {
      await actThenCheck(factory(), async ({ repositories: { feedback } }) => {
        await feedback.add(feedbackRecord('F1', 'C1'));
        await feedback.add(feedbackRecord('F2', 'C2'));
        await feedback.add(feedbackRecord('F3', 'C1'));
        await feedback.add(feedbackRecord('F4', null));
        await expect(feedback.add(feedbackRecord('F1', 'C2'))).rejects.toThrow(/"F1" is already stored/);
        expect(await feedback.unlinkCustomer('C1')).toBe(2);
        expect(await feedback.unlinkCustomer('C1')).toBe(0);
      }, async ({ repositories: { feedback } }) => {
        expect(await feedback.forCustomer('C1')).toEqual([]);
        expect(await feedback.forCustomer('C2')).toEqual([feedbackRecord('F2', 'C2')]);
        expect((await feedback.list()).map((f) => [f.id, f.customerId, f.nps, f.comment]))
          .toEqual([['F1', null, 9, null], ['F2', 'C2', 9, 'ok'], ['F3', null, 9, null], ['F4', null, 9, 'ok']]);
      });
    });
  });
}

export function feedbackTextContract(factory: () => StoreFactory): void {
  describe('FeedbackRepository free text', () => {
    it('stores a comment with a NUL character in it (PostgreSQL keeps U+FFFD in its place)', async () => {
      await actThenCheck(factory(), async ({ repositories: { feedback } }) => {
        await feedback.add({ ...feedbackRecord('F9', 'C1'), comment: 'great\u0000 service' });
      }, async ({ repositories: { feedback } }) => {
        expect(['great\u0000 service', 'great\ufffd service']).toContain((await feedback.forCustomer('C1'))[0].comment);
      });
    });
  });
}

export function suggestionEventContract(factory: () => StoreFactory): void {
  describe('SuggestionEventRepository', () => {
    it('adds batches in order, all or nothing; lists by customer; unlinkCustomer detaches', async () => {
      await actThenCheck(factory(), async ({ repositories: { suggestionEvents } }) => {
        await suggestionEvents.add([suggestionEvent('E1', 'C1'), suggestionEvent('E2', 'C2'), suggestionEvent('E3', 'C1')]);
        await suggestionEvents.add([]);
        await expect(suggestionEvents.add([suggestionEvent('E4', 'C1'), suggestionEvent('E1', 'C1')])).rejects.toThrow(/"E1" is already stored/);
        await expect(suggestionEvents.add([suggestionEvent('E5', 'C1'), suggestionEvent('E5', 'C1')])).rejects.toThrow(/repeats id "E5"/);
        expect(await suggestionEvents.unlinkCustomer('C2')).toBe(1);
      }, async ({ repositories: { suggestionEvents } }) => {
        expect(ids(await suggestionEvents.forCustomer('C1'))).toEqual(['E1', 'E3']);
        expect(await suggestionEvents.forCustomer('C2')).toEqual([]);
        expect(await suggestionEvents.list()).toEqual([suggestionEvent('E1', 'C1'), suggestionEvent('E2', null), suggestionEvent('E3', 'C1')]);
      });
    });
  });
}

export function auditContract(factory: () => StoreFactory): void {
  describe('AuditRepository', () => {
    it('appends and lists in the order written; refuses an invalid entry', async () => {
      await actThenCheck(factory(), async ({ repositories: { audit } }) => {
        await audit.add({ id: 'A2', at: AT, action: 'consent_change', subject: 'C1', actor: 'C1', details: { marketing: false } });
        await audit.add({ id: 'A1', at: AT, action: 'data_export', subject: 'C2', actor: 'C2', details: { orders: 2, note: null } });
        await expect(audit.add({ id: 'A3', at: AT, action: 'shouting', subject: 'C1', actor: 'C1', details: {} } as never)).rejects.toThrow(/Invalid audit entry: action/);
      }, async ({ repositories: { audit } }) => {
        const entries = await audit.list();
        expect(ids(entries)).toEqual(['A2', 'A1']);
        expect(entries[1].details).toEqual({ orders: 2, note: null });
      });
    });

    it('redacts every entry about a subject (erasure): action, actor and time stay; subject and details go', async () => {
      await actThenCheck(factory(), async ({ repositories: { audit } }) => {
        await audit.add({ id: 'R1', at: AT, action: 'consent_change', subject: 'C9', actor: 'C9', details: { topic: 'marketing' } });
        await audit.add({ id: 'R2', at: AT, action: 'data_export', subject: 'C8', actor: 'C8', details: { orders: 1 } });
        await audit.add({ id: 'R3', at: AT, action: 'data_export', subject: 'C9', actor: 'C9', details: { orders: 3 } });
        expect(await audit.redactSubject('C9')).toBe(2);
        expect(await audit.redactSubject('erased-customer')).toBe(0);
      }, async ({ repositories: { audit } }) => {
        const entries = await audit.list();
        expect(entries.map((e) => [e.id, e.subject, e.actor, e.details])).toEqual([
          ['R1', 'erased-customer', 'C9', {}], ['R2', 'C8', 'C8', { orders: 1 }], ['R3', 'erased-customer', 'C9', {}],
        ]);
      });
    });
  });
}

export function lockContract(factory: () => StoreFactory): void {
  describe('IdentificationLockRepository', () => {
    it('put, get, replace, remove; invalid states refused; keys never match Object.prototype members', async () => {
      await actThenCheck(factory(), async ({ repositories: { locks } }) => {
        await locks.put('user:webchat/u1', { failures: 2, lockedUntil: null });
        await locks.put('user:webchat/u1', { failures: 3, lockedUntil: '2026-01-15T10:15:00.000Z' });
        await locks.put('email:abc', { failures: 1, lockedUntil: null });
        await locks.put('temp', { failures: 1, lockedUntil: null });
        await locks.remove('temp');
        await locks.remove('never-there');
        await expect(locks.put('bad', { failures: -1, lockedUntil: null })).rejects.toThrow(/identification lock/);
      }, async ({ repositories: { locks } }) => {
        expect(await locks.get('user:webchat/u1')).toEqual({ failures: 3, lockedUntil: '2026-01-15T10:15:00.000Z' });
        expect(await locks.get('email:abc')).toEqual({ failures: 1, lockedUntil: null });
        expect(await locks.get('temp')).toBeUndefined();
        expect(await locks.get('constructor')).toBeUndefined();
        expect(await locks.get('bad')).toBeUndefined();
      });
    });

    it('prunes what expired by now, never an active lock', async () => {
      const now = new Date('2026-01-15T10:00:00.000Z');
      await actThenCheck(factory(), async ({ repositories: { locks } }) => {
        await locks.put('spent', { failures: 1, lockedUntil: null, expiresAt: '2026-01-15T09:59:00.000Z' });
        await locks.put('counting', { failures: 2, lockedUntil: null, expiresAt: '2026-01-15T10:10:00.000Z' });
        await locks.put('locked', { failures: 0, lockedUntil: '2026-01-15T10:05:00.000Z', expiresAt: '2026-01-15T10:05:00.000Z' });
        await locks.put('ended lock', { failures: 0, lockedUntil: '2026-01-15T09:00:00.000Z' });
        await locks.put('bare count', { failures: 1, lockedUntil: null });
        expect(await locks.pruneExpired(now)).toBe(3);
      }, async ({ repositories: { locks } }) => {
        expect(await locks.get('counting')).toEqual({ failures: 2, lockedUntil: null, expiresAt: '2026-01-15T10:10:00.000Z' });
        expect(await locks.get('locked')).toMatchObject({ lockedUntil: '2026-01-15T10:05:00.000Z' });
        for (const gone of ['spent', 'ended lock', 'bare count']) expect(await locks.get(gone)).toBeUndefined();
      });
    });
  });
}
