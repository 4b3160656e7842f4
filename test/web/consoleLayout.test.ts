/**
 * The console at tablet and phone sizes (nothing runs off the screen except inside a table's own scroller),
 * focus rings with at least 3:1 contrast, and an admin page that shows agents nothing of itself.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { signInToConsole } from './support/consoleSignIn';
import { ARTIFACTS, chromiumMissingReason, launchBrowser, type Browser } from './support/browser';
import { ADMIN, startConsoleServer, STAFF, type ConsoleServer } from './support/consoleServer';

const skipReason = chromiumMissingReason();
if (skipReason) process.stdout.write(`consoleLayout.test: ${skipReason}\n`);
const describeInBrowser = skipReason ? describe.skip : describe;


/** Elements whose box runs past the viewport's right edge, outside any horizontally scrolling frame. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrollsSideways = (el: Element | null): boolean => {
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (['auto', 'scroll'].includes(style.overflowX) && e.scrollWidth > e.clientWidth - 1) return true;
      }
      return false;
    };
    const out: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1 || scrollsSideways(el.parentElement)) continue;
      out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className} right=${Math.round(box.right)} > ${width}`);
    }
    return document.documentElement.scrollWidth > width + 1 ? [`page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`, ...out] : out;
  });
}

/** WCAG contrast ratio between the focused element's outline and what is behind it. */
function focusContrast(page: Page): Promise<number> {
  return page.evaluate(() => {
    const rgb = (css: string): number[] => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const el = document.activeElement as HTMLElement;
    const outline = rgb(getComputedStyle(el).outlineColor);
    let behind = [255, 255, 255];
    for (let e: HTMLElement | null = el.parentElement; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      if (bg && !bg.startsWith('rgba(0, 0, 0, 0)') && bg !== 'transparent') { behind = rgb(bg); break; }
    }
    const [a, b] = [luminance(outline), luminance(behind)].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05);
  });
}

describeInBrowser('console layout and access', () => {
  let server: ConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  jest.setTimeout(90_000);

  test.each([
    ['tablet', { width: 768, height: 1024 }],
    ['phone', { width: 390, height: 844 }],
  ])('at %s width no console page runs off the screen', async (name, size) => {
    const page = await browser.context.newPage();
    await page.setViewportSize(size);
    await signInToConsole(page, server.base, ADMIN);
    for (const path of ['conversations.html', 'conversation.html?id=c1', 'handoffs.html', 'kpis.html', 'staff.html']) {
      await page.goto(`${server.base}/console/${path}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect({ path, overflowing: await overflowing(page) }).toEqual({ path, overflowing: [] });
      await page.screenshot({ path: join(ARTIFACTS, `console-${name}-${path.split('.')[0]}.png`), fullPage: true });
    }
    await page.close();
  });

  test('focus rings keep 3:1 contrast on the light page and in the dark header', async () => {
    const page = await browser.context.newPage();
    await signInToConsole(page, server.base, STAFF);
    await page.getByRole('button', { name: 'Apply filters' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await focusContrast(page)).toBeGreaterThanOrEqual(3);
    await page.getByRole('button', { name: 'Sign out' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await focusContrast(page)).toBeGreaterThanOrEqual(3);
    await page.close();
  });

  test('an agent who opens the staff accounts page sees only that it is for admins', async () => {
    const page = await browser.context.newPage();
    await signInToConsole(page, server.base, STAFF);
    await page.goto(`${server.base}/console/staff.html`);
    await page.getByText('This page is for admins').waitFor();
    expect(await page.locator('#accounts').count()).toBe(0);
    expect(await page.locator('#new-account').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Staff accounts' }).count()).toBe(0);
    await page.close();
  });
});
