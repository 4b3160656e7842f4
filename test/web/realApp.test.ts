/**
 * End to end on the real application: a demo shopper asks for gift ideas in Web Chat and sees cards with
 * prices; then a staff admin finds that conversation by segment, opens it with its segment panel and sees
 * the KPI charts with the suggestions counted.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { signInToConsole } from './support/consoleSignIn';
import { ARTIFACTS, chromiumMissingReason, launchBrowser, type Browser } from './support/browser';
import { APP_ADMIN, realAppServer } from './support/appServer';
import type { RunningServer } from './support/chatServer';

const skipReason = chromiumMissingReason();
if (skipReason) process.stdout.write(`realApp.test: ${skipReason}\n`);
const describeInBrowser = skipReason ? describe.skip : describe;

function shown(page: Page, text: string | RegExp) {
  return page.getByText(text).filter({ visible: true }).first().waitFor();
}

describeInBrowser('the real application in a browser', () => {
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

  test('a demo shopper gets gift cards with prices, and staff review it by segment', async () => {
    const shopper = await browser.context.newPage();
    await shopper.goto(server.base);
    await shopper.getByLabel('Demo customer').selectOption({ label: 'Alice Morgan' });
    await shopper.getByRole('button', { name: 'Sign in as demo customer' }).click();
    await shopper.getByText('Signed in as Alice Morgan').waitFor();
    // The sign-in starts a new conversation in a new Web Chat: its greeting by name means the new message box is there.
    await shopper.locator('.webchat__bubble', { hasText: /Hi Alice! I am your shopping assistant/ }).first().waitFor();
    const input = shopper.getByRole('textbox').first();
    await input.fill('gift ideas for my mum under £20');
    await input.press('Enter');
    await shown(shopper, /£\d+\.\d\d/);
    await shopper.screenshot({ path: join(ARTIFACTS, 'real-chat-gift-ideas.png') });

    const staff = await browser.context.newPage();
    await signInToConsole(staff, server.base, APP_ADMIN);
    const segment = (await staff.locator('#conversations tbody tr td:nth-child(3)').first().textContent()) ?? '';
    expect(segment).not.toBe('guest');
    await staff.getByLabel('Segment').selectOption({ label: segment });
    await staff.getByRole('button', { name: 'Apply filters' }).click();
    await staff.getByRole('link', { name: /Open conversation/ }).first().click();
    await staff.locator('#segment-panel .segment').first().waitFor();
    await expect(staff.locator('#segment-panel .segment').first().textContent()).resolves.toBe(segment);
    await shown(staff, 'gift ideas for my mum under £20');
    await staff.screenshot({ path: join(ARTIFACTS, 'real-console-transcript.png'), fullPage: true });

    await staff.getByRole('link', { name: 'KPIs by segment' }).click();
    const row = staff.locator('#kpi-table tbody tr.total');
    await row.waitFor();
    const shownCell = Number(await row.locator('td').nth(2).textContent());
    expect(shownCell).toBeGreaterThan(0);
    await staff.screenshot({ path: join(ARTIFACTS, 'real-console-kpis.png'), fullPage: true });
  });
});
