/**
 * The PostgreSQL suites' throwaway server (scripts/support/postgres.ts). One server serves the whole jest run
 * (started by test/support/globalSetup.ts, its URL in SHARED_TEST_POSTGRES_URL) and every suite gets its own
 * databases on it; a suite that stops the server (outage tests) starts its own. Run alone, outside that setup, a
 * suite starts its own server too. Without binaries and without TEST_DATABASE_URL the suites skip with a printed
 * reason, like the browser tests without chromium.
 */
import { postgresMissingReason, sharedTestCluster, startTestCluster, type TestCluster } from '../../scripts/support/postgres';

export { postgresBinFolder, postgresMissingReason, startTestCluster, type TestCluster } from '../../scripts/support/postgres';

/** Set by the jest global setup to the run's shared server. */
export const SHARED_POSTGRES_ENV = 'SHARED_TEST_POSTGRES_URL';

export interface PostgresSuiteOptions {
  /** The suite stops and starts the server (`cluster().outage`), so it cannot share one. */
  ownServer?: boolean;
}

/**
 * For a suite: `const pg = postgresSuite('name')`, then `pg.describe(...)`. Gets the cluster in beforeAll,
 * lets it go in afterAll, and prints why when it skips.
 */
export function postgresSuite(suiteName: string, options: PostgresSuiteOptions = {}): { describe: jest.Describe; cluster: () => TestCluster } {
  const reason = postgresMissingReason();
  if (reason) process.stdout.write(`${suiteName}: ${reason}\n`);
  let cluster: TestCluster | undefined;
  if (!reason) {
    const shared = process.env[SHARED_POSTGRES_ENV];
    beforeAll(async () => {
      cluster = shared && !options.ownServer ? sharedTestCluster(shared) : await startTestCluster();
    }, 120_000);
    afterAll(async () => { await cluster?.stop(); }, 60_000);
  }
  return {
    describe: reason ? describe.skip : describe,
    cluster: () => {
      if (!cluster) throw new Error('the test PostgreSQL is not running');
      return cluster;
    },
  };
}
