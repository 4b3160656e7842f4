/**
 * What every console contract runs against: the console's stores, reopenable (so a contract checks that writes
 * were persisted, not just cached), and disposed afterwards. lowdb: a real file in a temp folder; PostgreSQL: a
 * fresh database on the suite's test server, migrated by the real store.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openConsoleStore } from '../../../data/console/consoleStore';
import type { OpenedConsoleStore } from '../../../data/consolePorts';
import { postgresConsoleStore } from '../../../data/postgres/consoleStore';
import { openPostgresStore, type OpenedPostgresStore } from '../../../data/postgres/openPostgresStore';
import { emptyStoreData } from '../../../data/storeSchema';
import type { TestCluster } from '../../support/postgres';

export interface ConsoleSession {
  store: OpenedConsoleStore;
  /** Closes the store and opens the same data again. */
  reopen(): Promise<OpenedConsoleStore>;
  dispose(): Promise<void>;
}

export interface ConsoleFactory {
  kind: string;
  open(): Promise<ConsoleSession>;
}

export const lowdbConsoleFactory: ConsoleFactory = {
  kind: 'lowdb',
  open: async () => {
    const dir = await mkdtemp(join(tmpdir(), 'console-contract-'));
    const path = join(dir, 'console.json');
    const session: ConsoleSession = {
      store: await openConsoleStore(path),
      reopen: async () => {
        await session.store.close();
        session.store = await openConsoleStore(path);
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

export function postgresConsoleFactory(cluster: () => TestCluster): ConsoleFactory {
  return {
    kind: 'PostgreSQL',
    open: async () => {
      const url = await cluster().freshDatabase();
      let main: OpenedPostgresStore = await openPostgresStore({ url, seed: async () => emptyStoreData(), poolSize: 4 });
      const session: ConsoleSession = {
        store: postgresConsoleStore(main.pool),
        reopen: async () => {
          await main.close();
          main = await openPostgresStore({ url, seed: async () => emptyStoreData(), poolSize: 4 });
          session.store = postgresConsoleStore(main.pool);
          return session.store;
        },
        dispose: () => main.close(),
      };
      return session;
    },
  };
}

/** Runs `act`, then `check` on the same store, then `check` again after a reopen. */
export async function actThenCheckConsole(
  factory: ConsoleFactory,
  act: (store: OpenedConsoleStore) => Promise<void>,
  check: (store: OpenedConsoleStore) => Promise<void>,
): Promise<void> {
  const session = await factory.open();
  try {
    await act(session.store);
    await check(session.store);
    await check(await session.reopen());
  } finally {
    await session.dispose();
  }
}

/** Runs `work` on a fresh store and disposes it. */
export async function withConsole(factory: ConsoleFactory, work: (store: OpenedConsoleStore) => Promise<void>): Promise<void> {
  const session = await factory.open();
  try {
    await work(session.store);
  } finally {
    await session.dispose();
  }
}
