/**
 * One Chromium for the whole jest run. The global setup starts it as a playwright browser server and hands its
 * WebSocket address to the workers through SHARED_BROWSER_ENV; each browser suite connects and opens its own fresh
 * context (cookies, storage and permissions of its own), instead of starting and stopping a Chromium of its own
 * (about a second of CPU and several processes each). Without the variable (a run whose test paths hold no browser
 * suite, or a config without this global setup) a suite launches its own browser with the same flags.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const SHARED_BROWSER_ENV = 'SHARED_TEST_BROWSER_WS';

/**
 * Debian's chromium, headless, quiet on the network. Site isolation is off because playwright-core cannot measure
 * elements inside the widget's cross-origin frame with it on ("Object not disposable"); origins, CSP, CORS and
 * postMessage checks are enforced the same without it, and no page of the console or chat tests has a frame.
 */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-site-isolation-trials', '--disable-features=IsolateOrigins,site-per-process'];

const BROWSER_SUITE_FOLDERS = ['web', 'widget'].map((folder) => join(__dirname, '..', folder));

declare global {
  // The run's browser server, for the global teardown (same process).
  var sharedTestBrowser: BrowserServer | undefined;
}

/** True when the run's path pattern (jest's positional arguments; empty for a whole run) selects a browser suite. */
function runHasBrowserSuites(testPathPattern: string): boolean {
  if (!testPathPattern) return true;
  const pattern = new RegExp(testPathPattern, 'i');
  return BROWSER_SUITE_FOLDERS.some((folder) => existsSync(folder)
    && readdirSync(folder).some((file) => file.endsWith('.test.ts') && pattern.test(join(folder, file))));
}

export async function startSharedBrowser(testPathPattern: string): Promise<void> {
  if (!existsSync(CHROMIUM) || !runHasBrowserSuites(testPathPattern)) return;
  const server = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  globalThis.sharedTestBrowser = server;
  process.env[SHARED_BROWSER_ENV] = server.wsEndpoint();
}

export async function stopSharedBrowser(): Promise<void> {
  const server = globalThis.sharedTestBrowser;
  globalThis.sharedTestBrowser = undefined;
  delete process.env[SHARED_BROWSER_ENV];
  await server?.close();
}
