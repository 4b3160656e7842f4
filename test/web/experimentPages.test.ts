/** The experiments and attribution console pages in chromium, against the real review API on loopback. */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { signInToConsole } from './support/consoleSignIn';
import { ARTIFACTS, chromiumMissingReason, launchBrowser, type Browser } from './support/browser';
import { WEB_ROOT } from './support/chatServer';
import { AT_RISK, CHAMPIONS } from '../review/support/fixture';
import { assignVariant } from '../../services/experiments/assignment';
import { ADMIN, AGENT, startInsightsServer, type InsightsServer } from '../review/support/experimentInsightsServer';

const skipReason = chromiumMissingReason();
if (skipReason) process.stdout.write(`experimentPages.test: ${skipReason}\n`);
const describeInBrowser = skipReason ? describe.skip : describe;
const NEW_CUSTOMERS = { primary: 'new_customers', rfmLabel: 'new_customers', persona: 'welcome' };


function chartLabels(page: Page, id: string): Promise<string | undefined> {
  return page.evaluate((canvasId) => {
    const chart = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): { data: { labels: string[] } } | undefined } })
      .Chart.getChart(document.getElementById(canvasId) as HTMLCanvasElement);
    return chart?.data.labels.join('|');
  }, id);
}

describeInBrowser('experiments and attribution pages', () => {
  let server: InsightsServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startInsightsServer({ webRoot: WEB_ROOT });
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('an admin starts an experiment from the form, sees KPIs with intervals per segment, and ends it rolling out the winner', async () => {
    await signInToConsole(page, server.base, ADMIN);
    await page.getByRole('link', { name: 'Experiments' }).click();
    await page.getByRole('heading', { name: 'New experiment' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Win-back tone');
    await page.getByLabel(/Segments/).fill('at_risk, champions');
    await page.getByLabel('Variant 2 tone').selectOption('concise');
    await page.getByLabel('Variant 2 strategy').selectOption('win_back');
    await page.getByLabel('Variant 2 name').fill('Concise win-back');
    await page.getByRole('button', { name: 'Start experiment' }).click();
    await page.getByText('Experiment “Win-back tone” started.').waitFor();
    const [experiment] = await server.experiments.list();
    expect(experiment.variants.map((v) => [v.id, v.changes])).toEqual([['control', {}], ['variant-2', { tone: 'concise', strategy: 'win_back' }]]);

    // The bot's suggestion rounds for B and C, then the page again.
    await server.experiments.treatmentFor({ conversationId: 'x1', customerId: 'B', segment: AT_RISK, personalization: true });
    await server.experiments.treatmentFor({ conversationId: 'x2', customerId: 'C', segment: CHAMPIONS, personalization: true });
    await page.reload();
    await page.locator('#experiment-list tbody tr').filter({ hasText: 'Win-back tone' }).getByText('2', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Show Win-back tone' }).click();
    await page.getByRole('heading', { name: 'Win-back tone' }).waitFor();
    const options = await page.locator('#segment-filter option').allTextContents();
    expect(options).toEqual(['at risk', 'champions', 'All segments']);
    const rows = await page.locator('#variant-table tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    // Both conversations converted (orders oB1, oC1): conversion 100 % with the Wilson interval of 1/1 or 2/2.
    const assigned = ['B', 'C'].map((c) => assignVariant(experiment.id, c, experiment.variants).id);
    experiment.variants.forEach((v, i) => {
      const n = assigned.filter((id) => id === v.id).length;
      const conversion = n === 0 ? '—' : n === 1 ? '100.0% (20.7–100.0) n=1' : '100.0% (34.2–100.0) n=2';
      expect(rows[i].startsWith(`${v.name}${i === 0 ? ' (control)' : ''}${n}`)).toBe(true);
      expect(rows[i]).toContain(conversion);
    });
    expect(await chartLabels(page, 'chart-variants')).toBe('Control|Concise win-back');
    await page.screenshot({ path: join(ARTIFACTS, 'console-experiment.png'), fullPage: true });
    const csv = await page.request.get(`${server.base}${await page.locator('#export-kpis').getAttribute('href')}`);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split('\r\n')[0]).toMatch(/^segment,variant,control,exposures/);

    await page.getByLabel('Roll out').selectOption({ label: 'Concise win-back' });
    await page.getByRole('button', { name: 'End experiment' }).click();
    await page.getByText('Ended; “Concise win-back” is rolled out.').waitFor();
    await page.locator('#experiment-list').getByText('ended, rolled out Concise win-back').waitFor();
    expect(await page.locator('#end-form').isHidden()).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  test('a guardrail breach is shown as a warning', async () => {
    const experiment = await server.experiments.create({
      name: 'Risky', segments: ['new_customers'], guardrails: ['optOutRate', 'csat'],
      variants: [{ id: 'a', name: 'Control', weight: 1, changes: {} }, { id: 'b', name: 'Pushy', weight: 1, changes: { tone: 'upbeat' } }],
    }, 'test');
    // Feedback in conversations exposed to each variant: the control content, the other variant unhappy.
    const byVariant: Record<string, string[]> = { a: [], b: [] };
    for (let i = 0; byVariant.a.length < 4 || byVariant.b.length < 4; i += 1) {
      const t = await server.experiments.treatmentFor({ conversationId: `g${i}`, customerId: `cust-${i}`, segment: NEW_CUSTOMERS, personalization: true });
      if (t) byVariant[t.variantId].push(`g${i}`);
    }
    const feedback = server.fixture.commerce.repositories.feedback;
    for (const [variant, conversations] of Object.entries(byVariant)) {
      for (const [i, conversationId] of conversations.slice(0, 4).entries()) {
        await feedback.add({ id: `gf-${conversationId}`, conversationId, customerId: null, segment: NEW_CUSTOMERS, nps: null, comment: null,
          followsSuggestions: [], at: '2026-11-22T10:00:00.000Z', csat: variant === 'a' ? 5 - (i % 2) : 1 + (i % 2) });
      }
    }
    await page.goto(`${server.base}/console/experiments.html?id=${experiment.id}`);
    await page.getByRole('heading', { name: 'Risky' }).waitFor();
    await page.locator('#guardrail-warnings').getByText('Guardrail: Pushy — CSAT significantly lower than control (all segments).').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'console-experiment-guardrail.png'), fullPage: true });
  });

  test('the attribution page shows the hand-computed totals, tables, charts and CSV exports', async () => {
    await page.goto(`${server.base}/console/attribution.html`);
    await page.getByRole('heading', { name: 'Attribution and value' }).waitFor();
    await page.locator('#totals').getByText('£27.00').waitFor();
    const segmentRows = await page.locator('#by-segment tbody tr').allTextContents();
    expect(segmentRows.map((r) => r.replace(/\s+/g, ' '))).toEqual([
      expect.stringMatching(/^at risk11100\.0% .*1£7\.00£10\.00$/),
      expect.stringMatching(/^champions11100\.0% .*1£20\.00£20\.00$/),
      expect.stringMatching(/^all22100\.0% .*2£27\.00£15\.00$/),
    ]);
    const clv = await page.locator('#lifetime tbody tr').filter({ hasText: 'champions' }).textContent();
    expect(clv).toBe('champions12£30.00£15.002£90.00£120.00');
    expect(await chartLabels(page, 'chart-revenue')).toBe('at risk|champions');
    expect(await chartLabels(page, 'chart-clv')).toBe('at risk|champions');
    await page.screenshot({ path: join(ARTIFACTS, 'console-attribution.png'), fullPage: true });
    const csv = await page.request.get(`${server.base}${await page.locator('#export-lifetime').getAttribute('href')}`);
    expect(await csv.text()).toContain('champions,1,2,30,30,15,2,90,120');

    await page.getByLabel('From', { exact: true }).fill('2026-11-22');
    await page.getByLabel('To', { exact: true }).fill('2026-11-22');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.locator('#totals').getByText('£20.00').first().waitFor();
    expect(await page.locator('#export-segment').getAttribute('href')).toBe('/api/review/attribution/export.csv?from=2026-11-22&to=2026-11-22&view=segment');
    expect(pageErrors).toEqual([]);
    expect(server.errors).toEqual([]);
  });

  test('at phone width neither page scrolls sideways (tables scroll inside their frame)', async () => {
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    for (const path of ['experiments.html', 'attribution.html']) {
      await phone.goto(`${server.base}/console/${path}`);
      await phone.locator('main h1').first().waitFor();
      await phone.waitForLoadState('networkidle');
      const widths = await phone.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect({ path, scrollsSideways: widths[0] > widths[1] + 1 }).toEqual({ path, scrollsSideways: false });
    }
    await phone.close();
  });

  test('an agent sees neither page in the menu and is told the pages are for admins and marketers', async () => {
    await signInToConsole(page, server.base, AGENT);
    expect(await page.getByRole('link', { name: 'Experiments' }).count()).toBe(0);
    await page.goto(`${server.base}/console/attribution.html`);
    await page.getByText('Only admins and marketers can see experiments and attribution.').waitFor();
  });
});
