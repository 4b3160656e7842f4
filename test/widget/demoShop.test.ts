/**
 * The demo shop a newcomer opens (/demo-shop/, demo mode): the product grid from the seed catalogue, the widget
 * with the snippet's theme, "Sign in" handing a demo token to the widget, and "Add to basket" in the chat filling
 * the shop's basket; all under the strict CSP the page is served with.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, chromiumMissingReason, launchBrowser, type Browser } from '../web/support/browser';
import { startWidgetBot, type WidgetBot } from './support/widgetBot';

const skipReason = chromiumMissingReason();
if (skipReason) process.stdout.write(`demoShop.test: ${skipReason}\n`);
const describeInBrowser = skipReason ? describe.skip : describe;
jest.setTimeout(120_000);

const chat = (page: Page) => page.frameLocator('shopping-assistant-widget iframe');

describeInBrowser('the demo shop', () => {
  let bot: WidgetBot;
  let browser: Browser;

  beforeAll(async () => {
    bot = await startWidgetBot({ DEMO_MODE: 'true' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.close();
  });

  test('sign in, chat, and the chat\'s "Add to basket" fills the shop\'s basket', async () => {
    const page = await browser.context.newPage();
    const cspErrors: string[] = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text()); });
    await page.goto(`${bot.base}/demo-shop/`);
    await page.locator('#grid li').first().waitFor();
    expect(await page.locator('#grid img').first().evaluate((img) => (img as HTMLImageElement).complete)).toBe(true);

    await page.getByLabel('Demo customer').selectOption({ label: 'Alice Morgan' });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in: Alice Morgan').waitFor();
    await page.locator('shopping-assistant-widget .launcher').click();
    // The snippet's data-name and data-greeting theme the widget.
    await page.locator('shopping-assistant-widget .title', { hasText: 'Pine, your gift helper' }).waitFor();
    await chat(page).getByText('Hi! Ask me for gift ideas, or about your orders.').waitFor();
    await chat(page).getByText(/^Hi Alice! I am your shopping assistant/).filter({ visible: true }).first().waitFor();

    const input = chat(page).getByRole('textbox').first();
    await input.fill('a gift under £20 for my mum');
    await input.press('Enter');
    const add = chat(page).locator('.ac-adaptiveCard').first().getByRole('button', { name: 'Add to basket' });
    await add.waitFor();
    await add.click();
    await page.waitForFunction(() => document.getElementById('basket-count')?.textContent === '1');
    await page.getByText(/from the chat/).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'widget-demo-shop.png') });

    // A product page of the shop: the chat is still open with the same conversation, the basket still there.
    await page.locator('#grid a').first().click();
    await page.locator('#product h1').waitFor();
    await chat(page).getByText('a gift under £20 for my mum').filter({ visible: true }).first().waitFor();
    expect(await page.locator('#basket-count').textContent()).toBe('1');
    expect(cspErrors).toEqual([]);
    await page.close();
  });
});
