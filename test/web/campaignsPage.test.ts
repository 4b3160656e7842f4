/**
 * The campaigns console page in Debian's chromium against the real app: a marketer signs in, builds an audience
 * with a live count and a masked preview, creates a campaign, dry-runs it, starts it and watches it complete.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startApp, type RunningApp } from '../support/app';
import { ADMIN, ADMIN_ENV, signIn, type Staff } from '../bot/support/liveChat';
import { signInToConsole } from './support/consoleSignIn';
import { ARTIFACTS, chromiumMissingReason, launchBrowser, type Browser } from './support/browser';

const skipReason = chromiumMissingReason();
if (skipReason) process.stdout.write(`campaignsPage.test: ${skipReason}\n`);
const describeInBrowser = skipReason ? describe.skip : describe;

const MARKETER = { email: 'mia.marketer@shop.test', password: 'a long marketer passphrase' };
const EMAIL_PATTERN = /[A-Za-z0-9._%+-]+@example\.(com|org|net)/;

/** Members of (new customers OR can't lose), read from the store file rather than through the page's API. */
function membersFromFile(dir: string, labels: string[]): number {
  const data = JSON.parse(readFileSync(join(dir, 'store.json'), 'utf8')) as { customers: { id: string; erasedAt?: string }[]; segments: { customerId: string; rfm: { label: string } }[] };
  const active = new Set(data.customers.filter((c) => !c.erasedAt).map((c) => c.id));
  return data.segments.filter((s) => labels.includes(s.rfm.label) && active.has(s.customerId)).length;
}

/** Resolves once the campaign named `name` has `status` on the server (polled every 100 ms, at most 20 s). */
async function campaignStatus(staff: Staff, name: string, status: string): Promise<void> {
  const started = Date.now();
  for (;;) {
    const { items } = (await staff.get('/api/review/campaigns')).body as { items: { name: string; status: string }[] };
    if (items.some((c) => c.name === name && c.status === status)) return;
    if (Date.now() - started > 20_000) throw new Error(`campaign "${name}" not ${status} within 20 s: ${JSON.stringify(items)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describeInBrowser('campaigns console page', () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    running = await startApp({ ...ADMIN_ENV, LOG_LEVEL: 'error', CAMPAIGN_INTERVAL_SECONDS: '1', CAMPAIGN_QUIET_HOURS: 'off', CAMPAIGN_MIN_AUDIENCE: '5' });
    const admin = await signIn(running.url, ADMIN.email, ADMIN.password);
    expect((await admin.post('/api/review/staff', { ...MARKETER, role: 'marketer' })).status).toBe(201);
    browser = await launchBrowser();
    // The marketer's page in a context whose clock the test can move on to the page's next 5 s refresh.
    const context = await browser.newContext();
    await context.clock.install();
    page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await running?.app.close();
  });

  test('a marketer builds an audience, creates, dry-runs, starts and watches a campaign', async () => {
    const members = membersFromFile(running.dir, ['new_customers', 'cant_lose']);
    await signInToConsole(page, running.url, MARKETER, 'Campaigns');
    // A marketer's console has campaigns and the marketing insights, no conversations (the menu is drawn after the
    // page asks who is signed in).
    await page.locator('nav[aria-label="Console"] a', { hasText: 'Attribution' }).waitFor();
    await expect(page.locator('nav[aria-label="Console"] a').allTextContents()).resolves.toEqual(['Campaigns', 'Experiments', 'Attribution']);

    await page.getByRole('checkbox', { name: "cant lose" }).check();
    await page.locator('#audience-count').getByText(/too small/).waitFor();
    await page.getByRole('checkbox', { name: 'new customers' }).check();
    await page.locator('#audience-count').getByText(`${members} customers in the audience, ${members} with marketing consent.`).waitFor();
    await expect(page.locator('#preview tbody tr').count()).resolves.toBe(Math.min(members, 10));
    await expect(page.locator('#preview tbody').textContent()).resolves.toContain('hidden for marketers');
    expect(await page.content()).not.toMatch(EMAIL_PATTERN);

    await page.getByLabel('Name').fill('New year');
    await page.getByLabel('Message').fill('Happy new year! A treat for you:');
    await page.getByLabel('Suggestions').selectOption('win_back');
    // The form's default quiet hours (21:00 - 09:00) would hold the campaign whenever the test runs at night.
    await page.getByLabel('Quiet from').fill('');
    await page.getByLabel('Quiet until').fill('');
    await page.getByRole('button', { name: 'Create campaign' }).click();
    await page.getByText('Created “New year”').waitFor();
    const row = page.locator('#campaigns tbody tr').filter({ hasText: 'New year' });
    await row.getByText('draft').waitFor();

    await page.getByRole('button', { name: 'Dry run New year' }).click();
    await page.locator('#dry-run').getByText(`Would reach ${members}: 0 now, ${members} at their next visit.`, { exact: false }).waitFor();
    await expect(page.locator('#dry-run tbody tr').count()).resolves.toBe(members);
    await page.screenshot({ path: join(ARTIFACTS, 'console-campaigns-dry-run.png'), fullPage: true });

    await page.getByRole('button', { name: 'Start New year' }).click();
    // Two scheduler ticks (1 s apart), then the page's next refresh, brought forward rather than waited for.
    const admin = await signIn(running.url, ADMIN.email, ADMIN.password);
    await campaignStatus(admin, 'New year', 'completed');
    await page.clock.fastForward(5_000);
    await row.getByText('completed').waitFor({ timeout: 20_000 });
    await expect(row.locator('td').allTextContents()).resolves.toEqual([
      'New year', 'completed', 'new customers, cant lose', expect.any(String), '0', String(members), '0', '0', '',
    ]);
    await page.screenshot({ path: join(ARTIFACTS, 'console-campaigns.png'), fullPage: true });
    expect(pageErrors).toEqual([]);

    // On a phone nothing runs off the screen (wide tables scroll inside their frame).
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await row.getByText('completed').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  }, 90_000);

  test('an agent who opens the campaigns page sees only that it is for marketers and admins', async () => {
    const admin = await signIn(running.url, ADMIN.email, ADMIN.password);
    expect((await admin.post('/api/review/staff', { email: 'ann.agent@shop.test', password: 'a long agent passphrase', role: 'agent' })).status).toBe(201);
    const agentPage = await browser.context.newPage();
    await signInToConsole(agentPage, running.url, { email: 'ann.agent@shop.test', password: 'a long agent passphrase' });
    expect(await agentPage.getByRole('link', { name: 'Campaigns' }).count()).toBe(0);
    await agentPage.goto(`${running.url}/console/campaigns.html`);
    await agentPage.getByText('This page is for marketers and admins.').waitFor();
    expect(await agentPage.locator('form').count()).toBe(0);
    await agentPage.close();
  }, 60_000);
});
