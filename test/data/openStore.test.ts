import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openStore } from '../../data/openStore';
import { StoreFileError } from '../../data/lowdb/durableJsonFile';
import { customer, order, smallStore, withTempDir } from './storeFixtures';

describe('openStore', () => {
  it('creates the file from the seed on first start and reads it back on the next', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'nested', 'store.json');
      let seedCalls = 0;
      const seed = () => { seedCalls++; return smallStore(); };
      const first = await openStore({ path, seed });
      await first.repositories.customers.put(customer('C3'));
      await first.repositories.orders.add(order('O4', 'C3'));
      await first.close();

      const second = await openStore({ path, seed });
      expect(seedCalls).toBe(1);
      expect((await second.repositories.customers.get('C3'))?.email).toBe('person.C3@example.com');
      expect((await second.repositories.orders.forCustomer('C3')).map((o) => o.id)).toEqual(['O4']);
      expect(await second.repositories.catalog.list()).toHaveLength(2);
      await second.close();
    });
  });

  it('refuses writes after close', async () => {
    await withTempDir(async (dir) => {
      const store = await openStore({ path: join(dir, 'store.json'), seed: smallStore });
      await store.close();
      await expect(store.repositories.customers.put(customer('C9'))).rejects.toThrow(/closed/);
    });
  });

  it('rejects an invalid seed with the reason', async () => {
    await withTempDir(async (dir) => {
      const seed = () => ({ ...smallStore(), products: [{ id: 'X' }] }) as unknown as ReturnType<typeof smallStore>;
      await expect(openStore({ path: join(dir, 'store.json'), seed })).rejects.toThrow(/products\.0\.name/);
    });
  });

  const corruptFiles: [string, string, RegExp][] = [
    ['not JSON', '{"version": 1, "products": [', /not valid JSON/],
    ['JSON of the wrong shape', JSON.stringify({ version: 1, products: 'none' }), /expected shape at products/],
    ['a customer without an email', JSON.stringify({ ...smallStore(), customers: [{ ...customer('C1'), email: undefined }] }), /customers\.0\.email/],
    ['two customers sharing an id', JSON.stringify({ ...smallStore(), customers: [customer('C1'), customer('C1', 'x@example.com')] }), /duplicate customer id "C1"/],
  ];
  it.each(corruptFiles)('stops with a StoreFileError on %s and leaves the bytes untouched', async (_name, content, reason) => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      await writeFile(path, content);
      const error = await openStore({ path, seed: smallStore }).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(StoreFileError);
      expect((error as Error).message).toMatch(reason);
      expect((error as Error).message).toContain(path);
      expect(await readFile(path, 'utf8')).toBe(content);
    });
  });

  it('opens with the last acknowledged data when a crash left a garbage temp file before the rename', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      const store = await openStore({ path, seed: smallStore });
      await store.repositories.customers.put(customer('C7'));
      await store.close();
      // What a crash between writing the temp file and renaming it leaves behind.
      await writeFile(join(dir, '.store.json.tmp'), '{"version": 1, "customers": [{"id": "half-writ');

      const reopened = await openStore({ path, seed: smallStore });
      expect(await reopened.repositories.customers.get('C7')).toBeDefined();
      await reopened.repositories.customers.put(customer('C8'));
      await reopened.close();
      const onDisk = JSON.parse(await readFile(path, 'utf8')) as { customers: { id: string }[] };
      expect(onDisk.customers.map((c) => c.id)).toEqual(['C1', 'C2', 'C7', 'C8']);
    });
  });

  it('resolves each write only once it is on disk', async () => {
    await withTempDir(async (dir) => {
      const path = join(dir, 'store.json');
      const store = await openStore({ path, seed: smallStore });
      await store.repositories.audit.add({ id: 'A1', at: '2026-01-01T00:00:00Z', action: 'data_export', subject: 'C1', actor: 'staff:1', details: {} });
      const auditLines = (await readFile(`${path}.audit.jsonl`, 'utf8')).trim().split('\n');
      expect(auditLines.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(['A1']);
      expect(JSON.parse(await readFile(path, 'utf8'))).not.toHaveProperty('audit');
      expect((await stat(`${path}.state.json`).catch(() => null))).toBeNull();
      await store.close();
    });
  });
});
