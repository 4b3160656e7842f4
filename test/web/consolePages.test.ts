import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { signInToConsole } from './support/consoleSignIn';
import { ARTIFACTS, chromiumMissingReason, launchBrowser, type Browser } from './support/browser';
import { ADMIN, startConsoleServer, STAFF, type ConsoleServer } from './support/consoleServer';

const skipReason = chromiumMissingReason();
if (skipReason) process.stdout.write(`consolePages.test: ${skipReason}\n`);
const describeInBrowser = skipReason ? describe.skip : describe;

const EMAIL_PATTERN = /[A-Za-z0-9._%+-]+@example\.(com|org|net)/;

describeInBrowser('staff console', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('a staff member signs in, filters by segment, opens a transcript with its segment panel, and sees the KPI charts', async () => {
    await signInToConsole(page, server.base, STAFF);

    await page.getByLabel('Segment').selectOption('at_risk');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('3 conversations').waitFor();
    const segments = await page.locator('#conversations tbody tr td:nth-child(3)').allTextContents();
    expect(segments).toEqual(['at risk', 'at risk', 'at risk']);
    await page.screenshot({ path: join(ARTIFACTS, 'console-conversations-at-risk.png'), fullPage: true });

    await page.getByRole('link', { name: /Open conversation from 16 Nov 2026/ }).click();
    const panel = page.locator('#segment-panel');
    await panel.getByText('Win-back').waitFor();
    await expect(panel.locator('.segment').textContent()).resolves.toBe('at risk');
    await expect(panel.textContent()).resolves.not.toMatch(/false|null|undefined/);
    await page.getByText('gift ideas for my mum').waitFor();
    await expect(page.locator('#customer-body').textContent()).resolves.toContain('hidden for agents');
    expect(await page.content()).not.toMatch(EMAIL_PATTERN);
    await page.screenshot({ path: join(ARTIFACTS, 'console-transcript.png'), fullPage: true });

    await page.getByRole('link', { name: 'KPIs by segment' }).click();
    await page.getByLabel('From').fill('2026-11-16');
    await page.getByLabel('To').fill('2026-11-22');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.locator('#kpi-table tbody tr').filter({ hasText: 'at risk' }).getByText('-33.3 (3)').waitFor();
    const charted = await page.evaluate(() => ['chart-conversations', 'chart-csat', 'chart-nps', 'chart-suggestions'].map((id) => {
      const chart = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): { data: { labels: string[] } } | undefined } })
        .Chart.getChart(document.getElementById(id) as HTMLCanvasElement);
      return chart?.data.labels.join('|');
    }));
    expect(charted).toEqual(Array(4).fill('at risk|champions|guest'));
    await page.screenshot({ path: join(ARTIFACTS, 'console-kpis.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
    expect(server.errors).toEqual([]);
  });

  test('the console is usable by keyboard: sign-out is a real button reached by Tab', async () => {
    await page.goto(`${server.base}/console/conversations.html`);
    await page.getByRole('heading', { name: 'Conversations' }).waitFor();
    const reached: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => `${document.activeElement?.tagName}:${document.activeElement?.textContent?.trim().slice(0, 20)}`));
    }
    expect(reached).toContain('BUTTON:Sign out');
    expect(reached.slice(0, 2)).toEqual(['A:Skip to content', 'A:Shopping assistant ·']);
  });

  test('an admin creates an agent account and disables it from the console', async () => {
    const admin = page;
    await admin.goto(`${server.base}/console/conversations.html`);
    await admin.getByRole('button', { name: 'Sign out' }).click();
    await admin.getByLabel('Work email').fill(ADMIN.email);
    await admin.getByLabel('Password').fill(ADMIN.password);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByRole('link', { name: 'Staff accounts' }).click();
    await admin.getByLabel('Email').fill('new.agent@shop.test');
    await admin.getByLabel(/Initial password/).fill('a fresh agent passphrase');
    await admin.getByRole('button', { name: 'Create account' }).click();
    await admin.getByText('Created new.agent@shop.test (agent).').waitFor();
    await admin.getByRole('button', { name: 'Disable new.agent@shop.test' }).click();
    await admin.getByRole('button', { name: 'Enable new.agent@shop.test' }).waitFor();
    await admin.screenshot({ path: join(ARTIFACTS, 'console-staff-accounts.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
