/**
 * The widget on a shop's site in Debian's chromium: the shop (http://localhost:<port>, strict CSP, hostile CSS)
 * is a different origin from the real bot (http://127.0.0.1:<port>), which lists it in ALLOWED_ORIGINS; a second
 * shop it does not list is refused.
 */
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { ARTIFACTS, chromiumMissingReason, launchBrowser, type Browser } from '../web/support/browser';
import { startHostSite, type HostSite } from './support/hostSite';
import { startWidgetBot, type WidgetBot } from './support/widgetBot';

const skipReason = chromiumMissingReason();
if (skipReason) process.stdout.write(`widgetBrowser.test: ${skipReason}\n`);
const describeInBrowser = skipReason ? describe.skip : describe;
jest.setTimeout(120_000);

interface HostLog { events: { name: string; detail: Record<string, unknown> }[]; violations: string[] }
declare global {
  interface Window { hostLog: HostLog; ShoppingAssistant: { open(): void; close(): void; identify(token: string): void; signOut(): void } }
}

const chat = (page: Page): FrameLocator => page.frameLocator('shopping-assistant-widget iframe');
const launcher = (page: Page) => page.locator('shopping-assistant-widget .launcher');
const shownIn = (frame: FrameLocator, text: string | RegExp) => frame.getByText(text).filter({ visible: true }).first().waitFor();
const hostLog = (page: Page): Promise<HostLog> => page.evaluate(() => window.hostLog);

async function say(page: Page, text: string): Promise<void> {
  const input = chat(page).getByRole('textbox').first();
  await input.fill(text);
  await input.press('Enter');
}

describeInBrowser('the chat widget on a shop\'s site', () => {
  let shop: HostSite;
  let stranger: HostSite;
  let bot: WidgetBot;
  let browser: Browser;

  beforeAll(async () => {
    [shop, stranger] = await Promise.all([startHostSite(), startHostSite()]);
    bot = await startWidgetBot({ DEMO_MODE: 'true', ALLOWED_ORIGINS: shop.origin });
    shop.bot = bot.base;
    stranger.bot = bot.base;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.close();
    await Promise.all([shop?.close(), stranger?.close()]);
  });

  test('opens lazily, runs a conversation, keeps it across pages; keyboard works; host CSS and CSP do not get in', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${shop.origin}/a.html`);
    await launcher(page).waitFor();
    // Nothing but the loader before the first open.
    expect(page.frames()).toHaveLength(1);
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('false');

    // The page's `* { font-size: 40px; color: red }` and `button { display: none }` stop at the shadow root.
    const looks = await page.evaluate(() => {
      const root = document.querySelector('shopping-assistant-widget')?.shadowRoot;
      const style = (selector: string) => getComputedStyle(root?.querySelector(selector) as Element);
      return { launcher: style('.launcher').display, close: style('.close').display, size: style('.title').fontSize, color: style('.title').color, bg: style('.launcher').backgroundColor };
    });
    expect(looks).toEqual({ launcher: 'flex', close: 'block', size: '15px', color: 'rgb(255, 255, 255)', bg: 'rgb(170, 51, 85)' });
    expect(await page.locator('h1').evaluate((h) => getComputedStyle(h).fontSize)).toBe('40px'); // the page's own CSS does apply to the page

    await launcher(page).click();
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('true');
    await shownIn(chat(page), /I am your shopping assistant/);
    await say(page, 'a gift under £20 for my mum');
    await shownIn(chat(page), /£\d+\.\d\d/);
    // Inside the frame the page's CSS does not exist at all.
    const bubbleSize = await chat(page).locator('.webchat__bubble__content').first().evaluate((e) => getComputedStyle(e).fontSize);
    expect(bubbleSize).not.toBe('40px');
    await page.screenshot({ path: join(ARTIFACTS, 'widget-open.png') });

    // Escape inside the chat closes it and gives focus back to the launcher; Enter on the launcher reopens.
    await chat(page).getByRole('textbox').first().press('Escape');
    await page.waitForFunction(() => document.querySelector('shopping-assistant-widget')?.shadowRoot?.querySelector('.launcher')?.getAttribute('aria-expanded') === 'false');
    expect(await page.evaluate(() => document.querySelector('shopping-assistant-widget')?.shadowRoot?.activeElement?.className)).toBe('launcher');
    await page.keyboard.press('Enter');
    expect(await launcher(page).getAttribute('aria-expanded')).toBe('true');

    // Another page of the shop: the widget is open again with the same conversation.
    await page.locator('a', { hasText: 'Page B' }).click();
    await page.waitForURL(/b\.html/);
    await launcher(page).waitFor();
    await page.waitForFunction(() => document.querySelector('shopping-assistant-widget')?.shadowRoot?.querySelector('.launcher')?.getAttribute('aria-expanded') === 'true');
    await shownIn(chat(page), 'a gift under £20 for my mum');
    await say(page, 'why this?');
    await chat(page).locator('.webchat__bubble--from-user', { hasText: 'why this?' }).first().waitFor();
    expect((await hostLog(page)).violations).toEqual([]);
    await page.close();
  });

  test('identify and signOut from the page, the unread badge, and the add-to-basket and handoff-started events', async () => {
    const page = await browser.context.newPage();
    // A page without a CSP of its own: its script may call the bot directly.
    await page.goto(`${shop.origin}/with-widget.html`);
    await launcher(page).waitFor();
    // The shop's page asks the bot for a (demo) token across origins: CORS lets its listed origin through.
    const token = await page.evaluate(async (base) => {
      const response = await fetch(`${base}/api/web/demo-identity`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ customerId: '14741' }) });
      return ((await response.json()) as { token: string }).token;
    }, bot.base);
    await launcher(page).click();
    await shownIn(chat(page), /I am your shopping assistant/);
    await page.evaluate(() => window.ShoppingAssistant.close());

    // Signed in while closed: the new conversation's greeting arrives unseen, so the badge counts it.
    await page.evaluate((t) => window.ShoppingAssistant.identify(t), token);
    const badge = page.locator('shopping-assistant-widget .badge');
    await badge.filter({ hasText: /^[1-9]/ }).waitFor();
    expect(await launcher(page).getAttribute('aria-label')).toMatch(/unread/);
    await page.evaluate(() => window.ShoppingAssistant.open());
    await badge.waitFor({ state: 'hidden' });
    await shownIn(chat(page), /^Hi Alice! I am your shopping assistant/);

    await say(page, 'a gift under £20 for my mum');
    const addButton = chat(page).locator('.ac-adaptiveCard').first().getByRole('button', { name: 'Add to basket' });
    await addButton.waitFor();
    await addButton.click();
    await page.waitForFunction(() => window.hostLog.events.some((e) => e.name === 'add-to-basket'));
    const added = (await hostLog(page)).events.find((e) => e.name === 'add-to-basket');
    expect(added?.detail).toEqual({ productId: expect.stringMatching(/\S/), quantity: 1 });
    await shownIn(chat(page), /^Adding .+ to your basket\.$/);

    await page.evaluate(() => window.ShoppingAssistant.signOut());
    await shownIn(chat(page), /You.re signed out/);

    await say(page, 'I need to speak to a human please');
    await page.waitForFunction(() => window.hostLog.events.some((e) => e.name === 'handoff-started'));
    expect((await hostLog(page)).events.find((e) => e.name === 'handoff-started')?.detail).toEqual({ reference: expect.stringMatching(/^[0-9A-F-]{8}$/i) });
    await page.screenshot({ path: join(ARTIFACTS, 'widget-events.png') });
    expect((await hostLog(page)).violations).toEqual([]);
    await page.close();
  });

  test('a site not in ALLOWED_ORIGINS gets no chat: the frame is refused and so are its API calls', async () => {
    const page = await browser.context.newPage();
    // No CSP on this page, so what refuses is the bot: frame-ancestors for the frame, CORS for the API call.
    await page.goto(`${stranger.origin}/with-widget.html`);
    await launcher(page).click();
    await page.locator('shopping-assistant-widget .notice', { hasText: 'not available on this site' }).waitFor();
    const apiCall = await page.evaluate(async (base) => {
      try {
        await fetch(`${base}/api/chat/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
        return 'answered';
      } catch {
        return 'refused';
      }
    }, bot.base);
    expect(apiCall).toBe('refused');
    await expect(chat(page).getByRole('textbox').count()).resolves.toBe(0);
    await page.close();
  });

  test('on a phone the open chat fills the screen', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 375, height: 700 });
    await page.goto(`${shop.origin}/a.html`);
    await launcher(page).click();
    const panel = page.locator('shopping-assistant-widget .panel');
    await page.waitForFunction(() => document.querySelector('shopping-assistant-widget')?.shadowRoot?.querySelector('.panel.open') !== null);
    expect(await panel.boundingBox()).toEqual({ x: 0, y: 0, width: 375, height: 700 });
    await shownIn(chat(page), /I am your shopping assistant/);
    await page.screenshot({ path: join(ARTIFACTS, 'widget-phone.png') });
    await page.close();
  });
});
