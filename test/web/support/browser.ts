/**
 * Debian's chromium driven by playwright-core; absent chromium means the browser tests skip with a reason. A suite
 * gets a fresh browser context of its own, in the run's shared Chromium (test/support/sharedBrowser.ts) when the
 * global setup started one, else in a Chromium it launches itself with the same flags.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, SHARED_BROWSER_ENV } from '../../support/sharedBrowser';

export { CHROMIUM } from '../../support/sharedBrowser';
export const ARTIFACTS = join(__dirname, '..', '..', '..', 'test-artifacts');

export function chromiumMissingReason(): string | null {
  return existsSync(CHROMIUM) ? null : `${CHROMIUM} is absent (apt-get install -y chromium); browser tests skipped`;
}

export interface Browser {
  context: BrowserContext;
  /** Another fresh context in the same browser (its own cookies, storage and clock), closed with the browser. */
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

const VIEWPORT = { width: 1366, height: 800 };

export async function launchBrowser(): Promise<Browser> {
  await mkdir(ARTIFACTS, { recursive: true });
  const shared = process.env[SHARED_BROWSER_ENV];
  const browser = shared ? await chromium.connect(shared) : await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: VIEWPORT });
  const more: BrowserContext[] = [];
  return {
    context,
    newContext: async () => {
      const another = await browser.newContext({ viewport: VIEWPORT });
      more.push(another);
      return another;
    },
    close: async () => {
      for (const each of [context, ...more]) await each.close();
      // Disconnects from the shared browser (which keeps running for the other suites), or stops the own one.
      await browser.close();
    },
  };
}
