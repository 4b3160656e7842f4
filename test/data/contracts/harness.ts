/**
 * What every contract runs against: a store opened from a seed document, reopenable (so a contract can check
 * that writes were persisted, not just cached), and disposed afterwards. One factory per store kind.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type OpenedStore } from '../../../data/openStore';
import { openPostgresStore } from '../../../data/postgres/openPostgresStore';
import type { StoreData } from '../../../data/storeSchema';
import type { TestCluster } from '../../support/postgres';
import { smallStore } from '../storeFixtures';

export interface StoreSession {
  store: OpenedStore;
  /** Closes the store and opens the same data again. */
  reopen(): Promise<OpenedStore>;
  dispose(): Promise<void>;
}

export interface StoreFactory {
  kind: string;
  open(seed?: StoreData): Promise<StoreSession>;
}

export const lowdbFactory: StoreFactory = {
  kind: 'lowdb',
  open: async (seed = smallStore()) => {
    const dir = await mkdtemp(join(tmpdir(), 'contract-'));
    const path = join(dir, 'store.json');
    const session: StoreSession = {
      store: await openStore({ path, seed: () => seed }),
      reopen: async () => {
        await session.store.close();
        session.store = await openStore({ path, seed: () => seed });
        return session.store;
      },
      dispose: async () => {
        await session.store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
    return session;
  },
};

/** Each session gets its own fresh database on the suite's test server. */
export function postgresFactory(cluster: () => TestCluster): StoreFactory {
  return {
    kind: 'PostgreSQL',
    open: async (seed = smallStore()) => {
      const url = await cluster().freshDatabase();
      const open = () => openPostgresStore({ url, seed: async () => seed, poolSize: 4 });
      const session: StoreSession = {
        store: await open(),
        reopen: async () => {
          await session.store.close();
          session.store = await open();
          return session.store;
        },
        dispose: () => session.store.close(),
      };
      return session;
    },
  };
}

/** Runs `act`, then `check` on the same store, then `check` again after a reopen. */
export async function actThenCheck(
  factory: StoreFactory,
  act: (store: OpenedStore) => Promise<void>,
  check: (store: OpenedStore) => Promise<void>,
  seed?: StoreData,
): Promise<void> {
  const session = await factory.open(seed);
  try {
    await act(session.store);
    await check(session.store);
    await check(await session.reopen());
  } finally {
    await session.dispose();
  }
}

export const ids = <T extends { id: string }>(records: T[]): string[] => records.map((r) => r.id);
export const sortedIds = <T extends { id: string }>(records: T[]): string[] => ids(records).sort();
