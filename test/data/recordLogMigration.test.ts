/** Store files written before the append-only logs: their feedback, events and audit move into the logs. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditEntry, Feedback, SuggestionEvent } from '../../domain/model';
import { StoreFileError } from '../../data/lowdb/durableJsonFile';
import { openStore } from '../../data/openStore';
import { AT, smallStore, withTempDir } from './storeFixtures';

const feedback = (id: string, customerId: string | null): Feedback => ({
  id, conversationId: 'conv-1', customerId, segment: null, csat: 5, nps: 10, comment: null, followsSuggestions: [], at: AT,
});
const event = (id: string, customerId: string | null): SuggestionEvent => ({
  id, conversationId: 'conv-1', customerId, productId: 'P1', kind: 'shown', reason: 'popular', segment: null, at: AT,
});
const audit = (id: string): AuditEntry => ({ id, at: AT, action: 'consent_change', subject: 'C1', actor: 'C1', details: {} });

/** A commerce document as the previous version wrote it, with the records inside. */
function oldFormat(): Record<string, unknown> {
  return {
    ...smallStore(),
    feedback: [feedback('F1', 'C1'), feedback('F2', null)],
    suggestionEvents: [event('E1', 'C1'), event('E2', 'C2'), event('E3', 'C1')],
    audit: [audit('A1'), audit('A2')],
  };
}

async function logIds(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: string }).id);
}

async function expectMigrated(path: string): Promise<void> {
  const store = await openStore({ path, seed: smallStore });
  const r = store.repositories;
  expect((await r.feedback.list()).map((f) => f.id)).toEqual(['F1', 'F2']);
  expect((await r.suggestionEvents.forCustomer('C1')).map((e) => e.id)).toEqual(['E1', 'E3']);
  expect((await r.suggestionEvents.list()).map((e) => e.id)).toEqual(['E1', 'E2', 'E3']);
  expect((await r.audit.list()).map((a) => a.id)).toEqual(['A1', 'A2']);
  expect((await r.customers.list()).map((c) => c.id)).toEqual(['C1', 'C2']);
  await store.close();
  const doc = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  for (const key of ['feedback', 'suggestionEvents', 'audit']) expect(doc).not.toHaveProperty(key);
  expect(await logIds(`${path}.events.jsonl`)).toEqual(['E1', 'E2', 'E3']);
  expect(await logIds(`${path}.feedback.jsonl`)).toEqual(['F1', 'F2']);
  expect(await logIds(`${path}.audit.jsonl`)).toEqual(['A1', 'A2']);
}

describe('migration of the append-only records into their logs', () => {
  it('moves them out of an old-format store file, and a second open changes nothing', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      await writeFile(path, JSON.stringify(oldFormat()));
      await expectMigrated(path);
      await expectMigrated(path);
    });
  });

  it('after a crash between filling the logs and rewriting the document, moves each record once', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      await writeFile(path, JSON.stringify(oldFormat()));
      // The logs got part of the records (E1, F1) before the crash; the document still holds them all.
      await writeFile(`${path}.events.jsonl`, `${JSON.stringify(event('E1', 'C1'))}\n`);
      await writeFile(`${path}.feedback.jsonl`, `${JSON.stringify(feedback('F1', 'C1'))}\n`);
      await expectMigrated(path);
    });
  });

  it('a corrupt log stops the open with a StoreFileError and leaves the old document as it was', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      const content = JSON.stringify(oldFormat());
      await writeFile(path, content);
      await writeFile(`${path}.audit.jsonl`, `{"id":\n${JSON.stringify(audit('A1'))}\n`);
      const error = await openStore({ path, seed: smallStore }).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(StoreFileError);
      expect((error as Error).message).toMatch(/store\.json\.audit\.jsonl.*line 1/);
      expect(await readFile(path, 'utf8')).toBe(content);
    });
  });

  it('a store created from the seed holds none of them in the commerce file', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      const store = await openStore({ path, seed: () => ({ ...smallStore(), feedback: [], suggestionEvents: [], audit: [] }) });
      await store.repositories.suggestionEvents.add([event('E9', 'C1')]);
      await store.close();
      const doc = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
      expect(Object.keys(doc).sort()).toEqual(['customers', 'locks', 'orders', 'products', 'segments', 'version']);
      expect(await logIds(`${path}.events.jsonl`)).toEqual(['E9']);
    });
  });
});
