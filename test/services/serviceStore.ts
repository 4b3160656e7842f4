/**
 * Real lowdb stores for the service tests: the committed seed is opened (and segmented) once per test file
 * into a template file; each test then gets its own copy in its own temp folder.
 */
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type OpenedStore } from '../../data/openStore';
import { openConsoleStore } from '../../data/console/consoleStore';
import type { OpenedConsoleStore as ConsoleStore } from '../../data/consolePorts';
import { DEMO_CUSTOMERS } from '../../data/seed/demoCustomers';
import { DEFAULT_SEED_PATH, readSeedFile } from '../../data/seedFile';
import type { StoreData } from '../../data/storeSchema';
import type { SegmentAssignment } from '../../domain/model';
import { defaultSegmentDefinitions, guestPersona, personaFor, refreshSegments } from '../../recommender/segmentation';

/** The day the tests run on: two days after the seed's last invoice (2026-11-20). */
export const TEST_NOW = new Date('2026-11-22T10:00:00.000Z');

export const personaOf = (assignment: SegmentAssignment | undefined) => (assignment ? personaFor(assignment) : guestPersona());

export interface StoreTemplate {
  /** A store file built from the seed with segments computed at TEST_NOW. */
  path: string;
  /** A fresh copy of the template, opened; closed and deleted by dispose(). */
  fresh(): Promise<TestStore>;
  dispose(): Promise<void>;
}

export interface TestStore {
  store: OpenedStore;
  dir: string;
  path: string;
  /** A console store (transcripts, handoffs) beside the commerce file; closed by dispose(). */
  openConsoleStore(): Promise<ConsoleStore>;
  /** Opens the same file again (after close), as a restarted process would. */
  reopen(): Promise<OpenedStore>;
  /**
   * The raw text of every file of the store (the commerce file, the logs beside it, the dialog-state files),
   * after every write so far is on disk.
   */
  fileText(): Promise<string>;
  /** The identification-lock table as stored in the commerce file. */
  storedLocks(): Promise<Record<string, unknown>>;
}

/**
 * `othersKept`: how many customers besides the demo ones to keep (with all their orders; every product
 * stays unless `boughtProductsOnly`). The full seed's 2.5 MB file makes each durable write slow; tests that only need
 * a few customers keep the file small. Omit it to keep every customer.
 * `boughtProductsOnly`: keep only the products the kept customers bought (the catalogue is most of a small store's
 * file), for tests that never read the catalogue and write the file many times.
 */
export async function createStoreTemplate(othersKept?: number, { boughtProductsOnly = false } = {}): Promise<StoreTemplate> {
  const templateDir = await mkdtemp(join(tmpdir(), 'services-template-'));
  const path = join(templateDir, 'store.json');
  const seed = async () => {
    const kept = keepCustomers(await readSeedFile(DEFAULT_SEED_PATH), othersKept);
    return boughtProductsOnly ? keepBoughtProducts(kept) : kept;
  };
  const seeded = await openStore({ path, seed });
  await refreshSegments(seeded.repositories, defaultSegmentDefinitions(), {
    asOf: TEST_NOW, clock: () => TEST_NOW, maxAgeMs: 0, force: true, clusters: false,
  });
  await seeded.close();

  const opened: { store: Pick<OpenedStore, 'close'>; dir: string }[] = [];
  const open = async (dir: string): Promise<OpenedStore> => {
    // The seed is never used: the file exists. Passing a failing seed function proves it.
    const store = await openStore({ path: join(dir, 'store.json'), seed: () => { throw new Error('store file missing'); } });
    opened.push({ store, dir });
    return store;
  };

  return {
    path,
    async fresh() {
      const dir = await mkdtemp(join(tmpdir(), 'services-test-'));
      const storePath = join(dir, 'store.json');
      // The commerce file and whatever the store keeps beside it (logs); no temp files.
      const files = (await readdir(templateDir)).filter((name) => name.startsWith('store.json'));
      await Promise.all(files.map((name) => copyFile(join(templateDir, name), join(dir, name))));
      let store = await open(dir);
      return {
        get store() { return store; },
        dir, path: storePath,
        openConsoleStore: async () => {
          const consoleStore = await openConsoleStore(join(dir, 'console.json'));
          opened.push({ store: consoleStore, dir });
          return consoleStore;
        },
        reopen: async () => { store = await open(dir); return store; },
        fileText: async () => {
          await store.flush();
          const names = (await readdir(dir)).filter((name) => name.startsWith('store.json'));
          return (await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')))).join('\n');
        },
        storedLocks: async () => {
          await store.flush();
          return (JSON.parse(await readFile(storePath, 'utf8')) as { locks: Record<string, unknown> }).locks;
        },
      };
    },
    async dispose() {
      await Promise.all(opened.map((o) => o.store.close()));
      const dirs = new Set([templateDir, ...opened.map((o) => o.dir)]);
      await Promise.all([...dirs].map((d) => rm(d, { recursive: true, force: true })));
    },
  };
}

function keepCustomers(seed: StoreData, othersKept: number | undefined): StoreData {
  if (othersKept === undefined) return seed;
  const demo = new Set(DEMO_CUSTOMERS.map((c) => c.id));
  const kept = new Set([...demo, ...seed.customers.filter((c) => !demo.has(c.id)).slice(0, othersKept).map((c) => c.id)]);
  return { ...seed, customers: seed.customers.filter((c) => kept.has(c.id)), orders: seed.orders.filter((o) => kept.has(o.customerId)) };
}

function keepBoughtProducts(seed: StoreData): StoreData {
  const bought = new Set(seed.orders.flatMap((o) => o.lines.map((l) => l.productId)));
  return { ...seed, products: seed.products.filter((p) => bought.has(p.id)) };
}

/** Occurrences of `needle` in `text`. */
export function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
