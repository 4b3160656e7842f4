/**
 * Chromium for the widget tests: the shared launcher's flags plus one. With site isolation on, playwright-core
 * cannot measure elements inside the bot's cross-origin frame ("Object not disposable"), so it can neither click
 * them nor take their boxes; without it the frame runs in the page's process, while origins, CSP, CORS and
 * postMessage checks (what these tests are about) are enforced exactly the same.
 */
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { ARTIFACTS, CHROMIUM, type Browser } from '../../web/support/browser';

export async function launchWidgetBrowser(): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'chromium-widget-'));
  await mkdir(ARTIFACTS, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1366, height: 800 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-site-isolation-trials', '--disable-features=IsolateOrigins,site-per-process'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
