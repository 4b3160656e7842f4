/** jest global teardown: stops the run's shared PostgreSQL server and removes its kept model fits (globalSetup.ts). */
import { rmSync } from 'node:fs';
import { MODEL_CACHE_DIR_ENV } from './runModelCache';
import { stopSharedBrowser } from './sharedBrowser';

export default async function globalTeardown(): Promise<void> {
  const dir = process.env[MODEL_CACHE_DIR_ENV];
  if (dir) rmSync(dir, { recursive: true, force: true });
  await stopSharedBrowser();
  const cluster = globalThis.sharedTestPostgres;
  globalThis.sharedTestPostgres = undefined;
  await cluster?.stop();
}
