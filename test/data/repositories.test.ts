import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Feedback, SegmentAssignment, SuggestionEvent } from '../../domain/model';
import { openStore, type OpenedStore } from '../../data/openStore';
import { AT, customer, order, smallStore, withTempDir } from './storeFixtures';
import { MAX_LOCK_RECORDS } from '../../data/ports';
import type { LockState } from '../../data/storeSchema';

function feedbackRecord(id: string, customerId: string | null): Feedback {
  return { id, conversationId: 'conv-1', customerId, segment: null, csat: 4, nps: 9, comment: 'ok', followsSuggestions: [], at: AT };
}

function event(id: string, customerId: string | null): SuggestionEvent {
  return { id, conversationId: 'conv-1', customerId, productId: 'P1', kind: 'shown', reason: 'repeat', segment: null, at: AT };
}

function segment(customerId: string, primary: string): SegmentAssignment {
  return {
    customerId, rfm: { recencyDays: 3, frequency: 2, monetary: 10, r: 5, f: 2, m: 1, label: 'new_customers' },
    rules: [], primary, persona: 'newcomer', computedAt: AT, history: [],
  };
}

/** Runs `check` against a fresh store, then again against the same file reopened (so writes are persisted). */
async function inStore(act: (s: OpenedStore) => Promise<void>, check: (s: OpenedStore) => Promise<void>, seed = smallStore): Promise<void> {
  await withTempDir(async (dir) => {
    const path = join(dir, 'store.json');
    const store = await openStore({ path, seed });
    await act(store);
    await check(store);
    await store.close();
    const reopened = await openStore({ path, seed });
    await check(reopened);
    await reopened.close();
  });
}

describe('lowdb repositories', () => {
  it('customers: get, case-insensitive email lookup, email change, erasure hides the email', async () => {
    await inStore(async ({ repositories: { customers } }) => {
      const c1 = await customers.get('C1');
      await customers.put({ ...c1!, email: 'New.Address@example.com' });
      const c2 = await customers.get('C2');
      await customers.put({ ...c2!, erasedAt: AT, displayName: '', email: '' });
    }, async ({ repositories: { customers } }) => {
      expect((await customers.findByEmail('  new.address@EXAMPLE.com '))?.id).toBe('C1');
      expect(await customers.findByEmail('person.C1@example.com')).toBeUndefined();
      expect(await customers.findByEmail('second.person@example.com')).toBeUndefined();
      expect(await customers.findByEmail('')).toBeUndefined();
      expect((await customers.get('C2'))?.erasedAt).toBe(AT);
      expect((await customers.list()).map((c) => c.id).sort()).toEqual(['C1', 'C2']);
    });
  });

  it('customers: rejects an email that belongs to someone else, and invalid records', async () => {
    await inStore(async ({ repositories: { customers } }) => {
      await expect(customers.put(customer('C5', 'SECOND.person@example.com'))).rejects.toThrow(/belongs to another customer/);
      await expect(customers.put({ ...customer('C6'), consent: undefined } as never)).rejects.toThrow(/Invalid customer: consent/);
    }, async ({ repositories: { customers } }) => {
      expect(await customers.get('C5')).toBeUndefined();
      expect(await customers.get('C6')).toBeUndefined();
    });
  });

  it('hands out frozen records so a caller cannot change the store without a write', async () => {
    await inStore(async () => undefined, async ({ repositories: { customers } }) => {
      const c1 = await customers.get('C1');
      expect(() => { (c1!.preferences.categories as string[]).push('toys_games'); }).toThrow(TypeError);
    });
  });

  it('catalog: get and list', async () => {
    await inStore(async () => undefined, async ({ repositories: { catalog } }) => {
      expect((await catalog.get('P2'))?.category).toBe('bags');
      expect(await catalog.get('nope')).toBeUndefined();
      expect((await catalog.list()).map((p) => p.id)).toEqual(['P1', 'P2']);
    });
  });

  it('orders: add, lookups, duplicate id, reassignCustomer for erasure', async () => {
    await inStore(async ({ repositories: { orders } }) => {
      await orders.add(order('O9', 'C2'));
      await expect(orders.add(order('O9', 'C1'))).rejects.toThrow(/duplicate order id "O9"/);
      expect(await orders.reassignCustomer('C1', 'erased-1a2b')).toBe(2);
      expect(await orders.reassignCustomer('C1', 'erased-1a2b')).toBe(0);
    }, async ({ repositories: { orders } }) => {
      expect(await orders.forCustomer('C1')).toEqual([]);
      expect((await orders.forCustomer('erased-1a2b')).map((o) => o.id).sort()).toEqual(['O1', 'O2']);
      expect((await orders.forCustomer('C2')).map((o) => o.id)).toEqual(['O3', 'O9']);
      expect((await orders.get('O1'))?.customerId).toBe('erased-1a2b');
      expect(await orders.list()).toHaveLength(4);
    });
  });

  it('orders: refuses an order whose total overflows to Infinity, storing nothing', async () => {
    await inStore(async ({ repositories: { orders } }) => {
      const overflowing = { ...order('O-big', 'C2'), lines: [{ productId: 'P1', quantity: 2, unitPrice: 1.7e308 }] };
      await expect(orders.add(overflowing)).rejects.toThrow(/lines: the order total \(quantity x unit price\) must be a finite number/);
      const summed = { ...order('O-sum', 'C2'), lines: [{ productId: 'P1', quantity: 1, unitPrice: 1e308 }, { productId: 'P2', quantity: 1, unitPrice: 1e308 }] };
      await expect(orders.add(summed)).rejects.toThrow(/finite/);
    }, async ({ repositories: { orders } }) => {
      expect(await orders.get('O-big')).toBeUndefined();
      expect(await orders.get('O-sum')).toBeUndefined();
    });
  });

  it('segments: putMany upserts, remove, all-or-nothing validation', async () => {
    await inStore(async ({ repositories: { segments } }) => {
      await segments.putMany([segment('C1', 'new_customers'), segment('C2', 'champions')]);
      await segments.putMany([segment('C1', 'loyal_customers')]);
      await segments.remove('C2');
      await expect(segments.putMany([segment('C2', 'x'), { ...segment('C3', 'y'), rfm: undefined } as never])).rejects.toThrow(/segment assignment: rfm/);
    }, async ({ repositories: { segments } }) => {
      expect((await segments.get('C1'))?.primary).toBe('loyal_customers');
      expect(await segments.get('C2')).toBeUndefined();
      expect(await segments.list()).toHaveLength(1);
    });
  });

  it('feedback: add, forCustomer, unlinkCustomer keeps the scores', async () => {
    await inStore(async ({ repositories: { feedback } }) => {
      await feedback.add(feedbackRecord('F1', 'C1'));
      await feedback.add(feedbackRecord('F2', 'C1'));
      await feedback.add(feedbackRecord('F3', null));
      expect(await feedback.unlinkCustomer('C1')).toBe(2);
    }, async ({ repositories: { feedback } }) => {
      expect(await feedback.forCustomer('C1')).toEqual([]);
      const all = await feedback.list();
      expect(all.map((f) => [f.id, f.customerId, f.nps])).toEqual([['F1', null, 9], ['F2', null, 9], ['F3', null, 9]]);
    });
  });

  it('suggestion events: batch add, forCustomer, unlinkCustomer, a repeated id stores nothing', async () => {
    await inStore(async ({ repositories: { suggestionEvents } }) => {
      await suggestionEvents.add([event('E1', 'C1'), event('E2', 'C2'), event('E3', 'C1')]);
      await expect(suggestionEvents.add([event('E4', 'C1'), event('E1', 'C1')])).rejects.toThrow(/"E1" is already stored/);
      expect(await suggestionEvents.unlinkCustomer('C2')).toBe(1);
    }, async ({ repositories: { suggestionEvents } }) => {
      expect((await suggestionEvents.forCustomer('C1')).map((e) => e.id)).toEqual(['E1', 'E3']);
      expect(await suggestionEvents.forCustomer('C2')).toEqual([]);
      expect(await suggestionEvents.list()).toHaveLength(3);
    });
  });

  it('unlinkCustomer leaves no trace of the customer id in the feedback and event logs on disk', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      const store = await openStore({ path, seed: smallStore });
      const { feedback, suggestionEvents } = store.repositories;
      await feedback.add(feedbackRecord('F1', 'C-erased'));
      await suggestionEvents.add([event('E1', 'C-erased'), event('E2', 'C1')]);
      await Promise.all([feedback.unlinkCustomer('C-erased'), suggestionEvents.unlinkCustomer('C-erased')]);
      for (const log of ['feedback', 'events']) expect(await readFile(`${path}.${log}.jsonl`, 'utf8')).not.toContain('C-erased');
      expect(await readFile(`${path}.events.jsonl`, 'utf8')).toContain('"C1"');
      await store.close();
    });
  });

  it('audit: append and list in order', async () => {
    await inStore(async ({ repositories: { audit } }) => {
      await audit.add({ id: 'A1', at: AT, action: 'consent_change', subject: 'C1', actor: 'C1', details: { marketing: false } });
      await audit.add({ id: 'A2', at: AT, action: 'erasure', subject: 'erased-1', actor: 'staff:ann', details: {} });
    }, async ({ repositories: { audit } }) => {
      expect((await audit.list()).map((a) => a.action)).toEqual(['consent_change', 'erasure']);
    });
  });

  it('locks: put, get, remove; keys never match Object.prototype members', async () => {
    await inStore(async ({ repositories: { locks } }) => {
      await locks.put('user:webchat/u1', { failures: 3, lockedUntil: '2026-01-15T10:15:00.000Z' });
      await locks.put('email:abc', { failures: 1, lockedUntil: null });
      await locks.put('temp', { failures: 1, lockedUntil: null });
      await locks.remove('temp');
      await expect(locks.put('bad', { failures: -1, lockedUntil: null })).rejects.toThrow(/identification lock/);
    }, async ({ repositories: { locks } }) => {
      expect(await locks.get('user:webchat/u1')).toEqual({ failures: 3, lockedUntil: '2026-01-15T10:15:00.000Z' });
      expect(await locks.get('email:abc')).toEqual({ failures: 1, lockedUntil: null });
      expect(await locks.get('temp')).toBeUndefined();
      expect(await locks.get('constructor')).toBeUndefined();
      expect(await locks.get('bad')).toBeUndefined();
    });
  });

  it('locks: pruneExpired drops ended locks, expired counts and older files\' bare counts, keeping what still counts', async () => {
    const NOW = new Date('2026-01-15T10:00:00.000Z');
    const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();
    const locks: Record<string, LockState> = {
      'ended-lock': { failures: 0, lockedUntil: later(-1), expiresAt: later(-1) },
      'active-lock': { failures: 0, lockedUntil: later(5), expiresAt: later(5) },
      'expired-count': { failures: 2, lockedUntil: null, expiresAt: later(-0.5) },
      'live-count': { failures: 2, lockedUntil: null, expiresAt: later(3) },
      // Written before records carried expiresAt.
      'old-bare-count': { failures: 1, lockedUntil: null },
      'old-active-lock': { failures: 0, lockedUntil: later(2) },
    };
    await inStore(async ({ repositories }) => {
      expect(await repositories.locks.pruneExpired(NOW)).toBe(3);
      expect(await repositories.locks.pruneExpired(NOW)).toBe(0);
    }, async ({ repositories }) => {
      for (const key of ['ended-lock', 'expired-count', 'old-bare-count']) expect(await repositories.locks.get(key)).toBeUndefined();
      for (const key of ['active-lock', 'live-count', 'old-active-lock']) expect(await repositories.locks.get(key)).toEqual(locks[key]);
    }, () => ({ ...smallStore(), locks }));
  });

  it(`locks: past ${MAX_LOCK_RECORDS} records the counts nearest to expiry go too, never an active lock`, async () => {
    const NOW = new Date('2026-01-15T10:00:00.000Z');
    const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000).toISOString();
    const locks: Record<string, LockState> = {};
    for (let i = 0; i < 100; i++) locks[`lock-${i}`] = { failures: 0, lockedUntil: later(1), expiresAt: later(1) };
    for (let i = 0; i < MAX_LOCK_RECORDS; i++) locks[`count-${i}`] = { failures: 1, lockedUntil: null, expiresAt: later(10 + i) };
    await inStore(async ({ repositories }) => {
      expect(await repositories.locks.pruneExpired(NOW)).toBe(100);
    }, async ({ repositories }) => {
      expect(await repositories.locks.get('lock-99')).toEqual(locks['lock-99']);
      expect(await repositories.locks.get('count-99')).toBeUndefined();
      expect(await repositories.locks.get('count-100')).toEqual(locks['count-100']);
    }, () => ({ ...smallStore(), locks }));
  });
});
