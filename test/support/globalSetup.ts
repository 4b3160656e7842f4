/**
 * jest global setup, for the whole run: one throwaway PostgreSQL server (an initdb and a server start cost about two
 * seconds, paid once instead of once per suite; nothing is started with TEST_DATABASE_URL set, the suites use that
 * server, or without binaries) and one folder of kept model fits (test/support/runModelCache.ts). Workers
 * inherit both through the environment; the global teardown stops the server and removes the folder.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresMissingReason, startTestCluster, type TestCluster } from '../../scripts/support/postgres';
import { SHARED_POSTGRES_ENV } from './postgres';
import { MODEL_CACHE_DIR_ENV } from './runModelCache';
import { startSharedBrowser } from './sharedBrowser';

declare global {
  // The running shared server, for the global teardown (same process).
  var sharedTestPostgres: TestCluster | undefined;
}

export default async function globalSetup(globalConfig: { testPathPattern: string }): Promise<void> {
  process.env[MODEL_CACHE_DIR_ENV] = mkdtempSync(join(tmpdir(), 'model-cache-'));
  // One Chromium for the run's browser suites (test/support/sharedBrowser.ts).
  await startSharedBrowser(globalConfig.testPathPattern);
  if (process.env.TEST_DATABASE_URL || postgresMissingReason()) return;
  // Every PostgreSQL suite of the run connects here, bot processes with their pools included: room for all of them.
  const cluster = await startTestCluster('-c max_connections=400');
  globalThis.sharedTestPostgres = cluster;
  process.env[SHARED_POSTGRES_ENV] = cluster.adminUrl;
}
