/**
 * Product cards in the real chat page, at desktop and phone sizes: a picture that loads, the whole name,
 * the price and the reason, one primary "Add to basket" that the host page receives, the rest in the card's
 * menu. Also prints how long the first greeting takes with a cold cache (a figure, not an assertion).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, chromiumMissingReason, launchBrowser, type Browser } from './support/browser';
import { realAppServer } from './support/appServer';
import type { RunningServer } from './support/chatServer';

const skipReason = chromiumMissingReason();
if (skipReason) process.stdout.write(`productCards.test: ${skipReason}\n`);
const describeInBrowser = skipReason ? describe.skip : describe;
jest.setTimeout(120_000);

async function ask(page: Page, text: string): Promise<void> {
  const input = page.getByRole('textbox').first();
  await input.fill(text);
  await input.press('Enter');
}

describeInBrowser('product cards on the chat page', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await realAppServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test.each([
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ])('at %s size: picture, whole name, price, reason; "Add to basket" reaches the page', async (name, size) => {
    const page = await browser.context.newPage();
    await page.setViewportSize(size);
    const started = Date.now();
    await page.goto(server.base);
    await page.getByText(/I am your shopping assistant/i).filter({ visible: true }).first().waitFor();
    if (name === 'desktop') process.stdout.write(`first greeting shown ${Date.now() - started} ms after navigation (loopback, cold cache)\n`);

    const received: unknown[] = [];
    await page.exposeFunction('recordBasket', (detail: unknown) => { received.push(detail); });
    await page.evaluate(() => window.addEventListener('shopping-assistant:add-to-basket', (e) => {
      (window as unknown as { recordBasket(d: unknown): void }).recordBasket((e as CustomEvent).detail);
    }));

    await ask(page, 'show me candles');
    const card = page.locator('.ac-adaptiveCard').first();
    await card.waitFor();
    const image = card.locator('img').first();
    await image.waitFor();
    await page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await image.elementHandle());
    const title = card.locator('.ac-textBlock').first();
    const fits = await title.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && getComputedStyle(el).textOverflow !== 'ellipsis');
    expect(fits).toBe(true);
    expect(((await card.locator('.ac-textBlock').nth(1).textContent()) ?? '').trim()).toMatch(/^£\d+\.\d\d$/);
    // One primary action in view; "Why this?" and the others sit in the card's menu.
    await card.getByRole('button', { name: 'Add to basket' }).waitFor();
    expect(await card.getByRole('button', { name: 'Why this?' }).filter({ visible: true }).count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, `chat-cards-${name}.png`) });

    await card.getByRole('button', { name: 'Add to basket' }).click();
    await page.getByText(/^Adding .+ to your basket\.$/).first().waitFor();
    expect(received).toEqual([{ productId: expect.any(String), quantity: 1 }]);
    await page.locator('#basket').waitFor();
    await page.waitForFunction(() => document.getElementById('basket-count')?.textContent === '1');
    expect(await page.locator('#basket-items li').count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, `chat-basket-${name}.png`) });
    await page.close();
  });

  test('asked in words, "add two of the second one to my basket" reaches the page like a click; a reload shows the cards again', async () => {
    // A context of its own: the one above keeps the earlier tests' conversation (and its cards) in localStorage.
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.base);
    await page.getByText(/I am your shopping assistant/i).filter({ visible: true }).first().waitFor();
    const received: unknown[] = [];
    await page.exposeFunction('recordTypedBasket', (detail: unknown) => { received.push(detail); });
    await page.evaluate(() => window.addEventListener('shopping-assistant:add-to-basket', (e) => {
      (window as unknown as { recordTypedBasket(d: unknown): void }).recordTypedBasket((e as CustomEvent).detail);
    }));

    await ask(page, 'show me lanterns');
    const cards = page.locator('.ac-adaptiveCard');
    await cards.nth(1).waitFor();
    const secondName = ((await cards.nth(1).locator('.ac-textBlock').first().textContent()) ?? '').trim();
    await ask(page, 'add two of the second one to my basket');
    await page.getByText(`Adding 2 of ${secondName} to your basket.`).first().waitFor();
    expect(received).toEqual([{ productId: expect.any(String), quantity: 2 }]);
    await page.waitForFunction(() => document.getElementById('basket-count')?.textContent === '2');

    // After a reload the history brings the same cards back, with their buttons.
    const namesBefore = (await cards.locator('.ac-textBlock').allTextContents()).filter((_, i) => i % 3 === 0);
    await page.reload();
    await page.getByText(`Adding 2 of ${secondName} to your basket.`).first().waitFor();
    await cards.first().waitFor();
    const namesAfter = (await cards.locator('.ac-textBlock').allTextContents()).filter((_, i) => i % 3 === 0);
    expect(namesAfter).toEqual(namesBefore);
    expect(await cards.first().getByRole('button', { name: 'Add to basket' }).count()).toBe(1);
    await page.close();
  });
});
