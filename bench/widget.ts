/**
 * What the widget costs a shop's page: the loader's size (raw, gzip, brotli, as the bot serves it) and the host
 * page's DOMContentLoaded and load times in chromium with and without the snippet (median of RUNS fresh page
 * loads each, cache disabled, alternating). The page loads the loader only; Web Chat loads on first open.
 * Usage: npm run bench:widget [-- --runs 15]
 */
import { get } from 'node:http';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM } from '../test/web/support/browser';
import { startHostSite } from '../test/widget/support/hostSite';
import { startWidgetBot } from '../test/widget/support/widgetBot';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Math.max(3, Number(process.argv[runsArg + 1]) || 11) : 11;

function bytes(url: string, encoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      let length = 0;
      res.on('data', (chunk: Buffer) => { length += chunk.length; });
      res.on('end', () => resolve(length));
    }).on('error', reject);
  });
}

interface Timing { domContentLoaded: number; load: number }

async function timePage(page: Page, url: string): Promise<Timing> {
  await page.goto(url, { waitUntil: 'load' });
  // loadEventEnd is set just after the load handlers return.
  await page.waitForFunction(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd > 0);
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
  });
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

async function main(): Promise<void> {
  const shop = await startHostSite({ strict: false });
  const bot = await startWidgetBot({ DEMO_MODE: 'true', ALLOWED_ORIGINS: shop.origin });
  shop.bot = bot.base;
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const loader = `${bot.base}/widget.js`;
    const [raw, gzip, br] = await Promise.all([bytes(loader, 'identity'), bytes(loader, 'gzip'), bytes(loader, 'br')]);
    console.log(`loader /widget.js: ${raw} B raw, ${gzip} B gzip, ${br} B brotli`);

    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await timePage(page, `${shop.origin}/plain.html`); // warm-up: server code paths and the browser process
    await timePage(page, `${shop.origin}/with-widget.html`);
    const without: Timing[] = [];
    const withWidget: Timing[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      without.push(await timePage(page, `${shop.origin}/plain.html`));
      withWidget.push(await timePage(page, `${shop.origin}/with-widget.html`));
    }
    const report = (name: string, timings: Timing[]) => console.log(`${name.padEnd(22)} DOMContentLoaded ${median(timings.map((t) => t.domContentLoaded)).toFixed(1)} ms, `
      + `load ${median(timings.map((t) => t.load)).toFixed(1)} ms (median of ${timings.length}, loopback, cache off)`);
    report('host page alone', without);
    report('host page + widget', withWidget);
    const frames = page.frames().length;
    console.log(`frames on the page before the first open: ${frames - 1} (Web Chat is not loaded until the shopper opens the chat)`);
  } finally {
    await browser.close();
    await bot.close();
    await shop.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
