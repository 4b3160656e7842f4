/**
 * A store whose audit log was written before erasures redacted it (entries naming the erased customer, an erasure
 * entry naming the pseudonym with the same counts) is redacted when it is opened: afterwards no audit line joins the
 * customer id to the pseudonym. Real lowdb files in a temp folder.
 */
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openStore } from '../../data/openStore';
import { ERASED_SUBJECT, type AuditEntry } from '../../domain/model';
import { AT, customer, order, smallStore, withTempDir } from './storeFixtures';

const PSEUDONYM = 'anon-0123456789abcdef';

/** C1 was erased by an older version: a stub record, their orders under the pseudonym. */
function storeWithOldErasure() {
  const data = smallStore();
  const stub = { ...customer('C1'), displayName: '', email: '', postcode: '', country: '', erasedAt: AT };
  return {
    ...data,
    customers: data.customers.map((c) => (c.id === 'C1' ? stub : c)),
    orders: [order('O1', PSEUDONYM), order('O2', PSEUDONYM, 'P2'), order('O3', 'C2')],
  };
}

const OLD_ENTRIES: AuditEntry[] = [
  { id: 'a1', at: AT, action: 'data_export', subject: 'C1', actor: 'customer', details: { orders: 2 } },
  { id: 'a2', at: AT, action: 'consent_change', subject: 'C1', actor: 'customer', details: { topic: 'marketing', granted: false } },
  { id: 'a3', at: AT, action: 'consent_change', subject: 'C2', actor: 'customer', details: { topic: 'marketing', granted: true } },
  { id: 'a4', at: AT, action: 'erasure', subject: PSEUDONYM, actor: 'customer', details: { orders: 2, feedback: 0, events: 0, transcripts: 1 } },
];

describe('audit entries of customers erased before redaction existed', () => {
  it('are redacted on opening, once, leaving other customers\' entries as they were', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      const first = await openStore({ path, seed: storeWithOldErasure });
      await first.close();
      await appendFile(`${path}.audit.jsonl`, OLD_ENTRIES.map((e) => `${JSON.stringify(e)}\n`).join(''));

      const messages: string[] = [];
      const store = await openStore({ path, seed: storeWithOldErasure, log: (msg) => messages.push(msg) });
      expect(messages.filter((m) => /Redacted audit entries/.test(m))).toHaveLength(1);
      expect(await store.repositories.audit.list()).toEqual([
        { ...OLD_ENTRIES[0], subject: ERASED_SUBJECT, details: {} },
        { ...OLD_ENTRIES[1], subject: ERASED_SUBJECT, details: {} },
        OLD_ENTRIES[2],
        { ...OLD_ENTRIES[3], subject: ERASED_SUBJECT, details: {} },
      ]);
      await store.close();

      const text = await readFile(`${path}.audit.jsonl`, 'utf8');
      expect(text).not.toContain(PSEUDONYM);
      expect(text).not.toContain('"C1"');
      expect(text).toContain('"C2"');

      const again: string[] = [];
      const reopened = await openStore({ path, seed: storeWithOldErasure, log: (msg) => again.push(msg) });
      expect(again.filter((m) => /Redacted/.test(m))).toEqual([]);
      await reopened.close();
    });
  });
});
