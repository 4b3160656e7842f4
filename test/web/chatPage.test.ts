import { join } from 'node:path';
import { ARTIFACTS, chromiumMissingReason, launchBrowser, type Browser } from './support/browser';
import type { Page } from 'playwright-core';
import { standInChatServer, type ChatServerFactory, type RunningServer } from './support/chatServer';

const skipReason = chromiumMissingReason();
if (skipReason) process.stdout.write(`chatPage.test: ${skipReason}\n`);
const describeInBrowser = skipReason ? describe.skip : describe;

// Swap for a factory that starts the real bot server to run the same journey end to end.
const startServer: ChatServerFactory = standInChatServer;

/** Web Chat repeats each message in screen-reader labels; wait for the visible copy. */
function shown(page: Page, text: string) {
  return page.getByText(text).filter({ visible: true }).first().waitFor();
}

describeInBrowser('shoppers\' chat page', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a shopper asks for gift ideas and sees cards with prices', async () => {
    const page = await browser.context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(server.base);
    await shown(page, 'Ask me for gift ideas');
    const input = page.getByRole('textbox').or(page.getByPlaceholder(/type your message/i)).first();
    await input.fill('any gift ideas for my mum?');
    await input.press('Enter');
    await shown(page, 'Regency Cakestand 3 Tier');
    await shown(page, '£2.95');
    await page.screenshot({ path: join(ARTIFACTS, 'chat-gift-ideas.png') });
    const posted = server.received.find((a) => a.text === 'any gift ideas for my mum?');
    expect(posted).toMatchObject({ type: 'message', deliveryMode: 'expectReplies', channelId: 'webchat', from: { role: 'user' } });
    // Web Chat shows its own message once, as sent (the echo carried the id it was waiting for).
    await expect(page.locator('.webchat__bubble--from-user', { hasText: 'any gift ideas for my mum?' }).count()).resolves.toBe(1);
    await expect(page.getByText(/send failed/i).count()).resolves.toBe(0);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  test('in demo mode a shopper signs in as a demo customer and every activity carries the signed identity', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.base);
    await page.getByLabel('Demo customer').selectOption('12350');
    await page.getByRole('button', { name: 'Sign in as demo customer' }).click();
    await shown(page, 'Hello customer 12350!');
    const input = page.getByRole('textbox').first();
    await input.fill('hello');
    await input.press('Enter');
    await shown(page, 'You said: hello');
    await page.screenshot({ path: join(ARTIFACTS, 'chat-demo-sign-in.png') });
    const last = server.received[server.received.length - 1];
    expect(last).toMatchObject({ text: 'hello', channelData: { identity: 'test-signed.12350' } });
    await page.close();
  });
});
