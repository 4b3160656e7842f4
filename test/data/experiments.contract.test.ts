/** The experiment repository contract against the lowdb file (a real temp file) and PostgreSQL (migration 020 applied). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LowdbExperimentRepository } from '../../data/lowdb/experimentRepository';
import { migrate } from '../../data/postgres/migrator';
import { createPool } from '../../data/postgres/pool';
import { PostgresExperimentRepository } from '../../data/postgres/experimentRepository';
import { postgresSuite } from '../support/postgres';
import { experimentContract, type ExperimentStoreFactory, type ExperimentStoreSession } from './contracts/experiments';

const lowdbFactory: ExperimentStoreFactory = {
  kind: 'lowdb',
  open: async () => {
    const dir = await mkdtemp(join(tmpdir(), 'experiments-'));
    const path = join(dir, 'store.json.experiments.json');
    const session: ExperimentStoreSession = {
      repository: await LowdbExperimentRepository.open(path),
      reopen: async () => {
        await session.repository.close();
        session.repository = await LowdbExperimentRepository.open(path);
        return session.repository;
      },
      dispose: async () => {
        await session.repository.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
    return session;
  },
};

describe('lowdb experiment store', () => experimentContract(() => lowdbFactory));

const pg = postgresSuite('experiments.contract.test');
pg.describe('PostgreSQL experiment store', () => experimentContract(() => ({
  kind: 'PostgreSQL',
  open: async () => {
    const url = await pg.cluster().freshDatabase();
    const pool = createPool(url, { max: 2 });
    await migrate(pool);
    await pool.end();
    const session: ExperimentStoreSession = {
      repository: PostgresExperimentRepository.open(url),
      reopen: async () => {
        await session.repository.close();
        session.repository = PostgresExperimentRepository.open(url);
        return session.repository;
      },
      dispose: () => session.repository.close(),
    };
    return session;
  },
})));
