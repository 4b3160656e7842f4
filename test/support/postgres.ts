/**
 * The PostgreSQL suites' throwaway server (scripts/support/postgres.ts), started once per suite (jest module registry).
 * Without binaries and without TEST_DATABASE_URL the suites skip with a printed reason, like the browser tests without chromium.
 */
import { postgresMissingReason, startTestCluster, type TestCluster } from '../../scripts/support/postgres';

export { postgresBinFolder, postgresMissingReason, startTestCluster, type TestCluster } from '../../scripts/support/postgres';

/**
 * For a suite: `const pg = postgresSuite('name')`, then `pg.describe(...)`. Starts the cluster in beforeAll,
 * stops it in afterAll, and prints why when it skips.
 */
export function postgresSuite(suiteName: string): { describe: jest.Describe; cluster: () => TestCluster } {
  const reason = postgresMissingReason();
  if (reason) process.stdout.write(`${suiteName}: ${reason}\n`);
  let cluster: TestCluster | undefined;
  if (!reason) {
    beforeAll(async () => { cluster = await startTestCluster(); }, 120_000);
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
