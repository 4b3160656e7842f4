/**
 * In Chromium against the real application: a shopper on the chat page and an agent in the console talk to each
 * other (desktop), the chat survives a reload, sign-in is shown with "Sign out" and ends after an erasure, and at
 * phone size (390×844) the page fits the screen with the message box in view and a typing indicator while the
 * bot works.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, chromiumMissingReason, launchBrowser, type Browser } from './support/browser';
import { startApp, type RunningApp } from '../support/app';
import { ADMIN, ADMIN_ENV, newChat, signIn } from '../bot/support/liveChat';
import { say } from '../support/app';

const skipReason = chromiumMissingReason();
if (skipReason) process.stdout.write(`liveHandoff.test: ${skipReason}\n`);
const describeInBrowser = skipReason ? describe.skip : describe;
// Two browser pages and the real bot on a loaded machine.
jest.setTimeout(240_000);

function shown(page: Page, text: string | RegExp) {
  return page.getByText(text).filter({ visible: true }).first().waitFor({ timeout: 30_000 });
}

async function signInToConsole(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/console/`);
  // The browser profile may already hold a staff session from an earlier test: then the console opens directly.
  const form = page.getByLabel('Work email');
  await form.or(page.getByRole('heading', { name: 'Conversations' })).first().waitFor();
  if (!(await form.isVisible())) return;
  await form.fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Conversations' }).waitFor();
}

async function type(page: Page, text: string): Promise<void> {
  const input = page.getByRole('textbox').first();
  await input.fill(text);
  await input.press('Enter');
}

describeInBrowser('live handoff and the chat page in a browser', () => {
  let running: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    running = await startApp({ ...ADMIN_ENV, LOG_LEVEL: 'error', DEMO_MODE: 'true' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.app.close();
  });

  test('a shopper and an agent talk to each other; the bot is silent while the agent holds the chat; a reload keeps it', async () => {
    const shopper = await browser.context.newPage();
    const pageErrors: string[] = [];
    shopper.on('pageerror', (e) => pageErrors.push(e.message));
    await shopper.goto(running.url);
    await shown(shopper, /I am your shopping assistant/);
    // An empty page load is not a conversation for staff.
    const api = await signIn(running.url, ADMIN.email, ADMIN.password);
    expect((await api.get('/api/review/conversations')).body.total).toBe(0);

    await type(shopper, 'I want to talk to a person about a broken lantern');
    await shown(shopper, /I.ve asked a member of our team to join this chat/);

    const agent = await browser.context.newPage();
    agent.on('pageerror', (e) => pageErrors.push(e.message));
    await signInToConsole(agent, running.url);
    await agent.getByRole('link', { name: 'Handoff queue' }).click();
    const row = agent.locator('#handoffs tbody tr', { hasText: 'I want to talk to a person about a broken lantern' });
    await row.waitFor();
    await expect(row.locator('td').nth(1).textContent()).resolves.toBe('under a minute');
    await expect(row.locator('td').nth(2).textContent()).resolves.toBe('guest');
    await agent.screenshot({ path: join(ARTIFACTS, 'console-handoff-queue.png'), fullPage: true });
    await row.getByRole('button', { name: 'Take' }).click();
    await agent.getByRole('heading', { name: /Live chat/ }).waitFor();
    await agent.locator('#live-transcript').getByText('I want to talk to a person about a broken lantern').waitFor();
    await agent.getByLabel('Message to the shopper').fill('Hello, this is Sam. Sorry about the lantern!');
    await agent.getByRole('button', { name: 'Send' }).click();

    await shown(shopper, 'Sam from our team has joined the chat.');
    await shown(shopper, 'Hello, this is Sam. Sorry about the lantern!');
    await type(shopper, 'thanks Sam, it arrived cracked');
    await agent.locator('#live-transcript').getByText('thanks Sam, it arrived cracked').waitFor();
    await shopper.screenshot({ path: join(ARTIFACTS, 'chat-live-agent.png') });
    await agent.screenshot({ path: join(ARTIFACTS, 'console-live-chat.png'), fullPage: true });
    // The bot said nothing to that message: the last bubble is still the agent's.
    const lastBot = shopper.locator('.webchat__bubble:not(.webchat__bubble--from-user)').last();
    await expect(lastBot.textContent()).resolves.toContain('Sorry about the lantern!');

    await agent.getByRole('button', { name: 'Hand back to the bot' }).click();
    await shown(shopper, /Sam has left the chat\. You.re back with the shopping assistant/);
    await agent.locator('#handoff-status', { hasText: 'closed' }).waitFor();

    await shopper.reload();
    await shown(shopper, 'Hello, this is Sam. Sorry about the lantern!');
    await shown(shopper, 'thanks Sam, it arrived cracked');
    await shopper.screenshot({ path: join(ARTIFACTS, 'chat-after-reload.png') });
    await type(shopper, 'hello');
    await shown(shopper, /What can I help you with\?/);
    const conversations = (await api.get('/api/review/conversations')).body as { total: number };
    expect(conversations.total).toBe(1);
    expect(pageErrors).toEqual([]);
    await agent.close();
    await shopper.close();
  });

  test('demo sign-in is shown with Sign out, survives a reload, and an erasure shows the shopper as signed out', async () => {
    const shopper = await browser.context.newPage();
    await shopper.goto(running.url);
    await shopper.getByLabel('Demo customer').selectOption({ label: 'Alice Morgan' });
    await shopper.getByRole('button', { name: 'Sign in as demo customer' }).click();
    await shopper.locator('#signed-in-name', { hasText: 'Alice Morgan' }).waitFor();
    await shopper.reload();
    await shopper.locator('#signed-in-name', { hasText: 'Alice Morgan' }).waitFor();
    await expect(shopper.getByRole('button', { name: 'Sign in as demo customer' }).isVisible()).resolves.toBe(false);

    await shopper.getByRole('button', { name: 'Sign out' }).click();
    await shown(shopper, /You.re signed out\. I won.t use your details any more in this chat\./);
    await shopper.getByRole('button', { name: 'Sign in as demo customer' }).waitFor();
    await expect(shopper.locator('#signed-in').isVisible()).resolves.toBe(false);

    await shopper.getByLabel('Demo customer').selectOption({ label: 'Priya Shah' });
    await shopper.getByRole('button', { name: 'Sign in as demo customer' }).click();
    await shopper.locator('#signed-in-name', { hasText: 'Priya Shah' }).waitFor();
    await type(shopper, 'delete my data');
    await shown(shopper, /Are you sure\?/);
    await type(shopper, 'yes');
    await shown(shopper, /Your personal data has been erased/);
    await shopper.getByRole('button', { name: 'Sign in as demo customer' }).waitFor();
    await expect(shopper.locator('#signed-in').isVisible()).resolves.toBe(false);
    await shopper.close();
  });

  test('at 390×844 the page fits the screen, the message box shows on first load, and a typing indicator shows while the bot works', async () => {
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.evaluate(() => localStorage.clear()).catch(() => {});
    // Hold the answer, as a busy bot would, until the indicator has shown (no fixed wait: it goes once seen).
    let answer!: () => void;
    const indicatorSeen = new Promise<void>((resolve) => { answer = resolve; });
    await phone.route('**/api/messages', async (route) => {
      if (route.request().postDataJSON()?.type === 'message') await indicatorSeen;
      await route.continue();
    });
    await phone.goto(running.url);
    const input = phone.getByRole('textbox').first();
    await input.waitFor();
    const box = await input.boundingBox();
    expect(box && box.y + box.height <= 844 && box.y >= 0).toBe(true);
    const headerHeight = await phone.locator('body > header').evaluate((h) => h.getBoundingClientRect().height);
    expect(headerHeight).toBeLessThanOrEqual(90);

    await type(phone, 'a gift under £20 for my mum');
    await phone.locator('.webchat__typing-indicator').first().waitFor({ timeout: 10_000 }).finally(answer);
    await shown(phone, /£\d+\.\d\d/);
    await phone.screenshot({ path: join(ARTIFACTS, 'chat-phone-gift-ideas.png') });
    const overflow = await phone.evaluate(() => {
      const wide = document.documentElement.scrollWidth > window.innerWidth;
      // Message text (the text above a row of cards included; the cards themselves scroll sideways by design)
      // that runs off the screen or is cut inside its bubble.
      const texts = Array.from(document.querySelectorAll('.webchat__text-content')).filter((node) => !node.closest('.ac-adaptiveCard'));
      const offscreen = texts.filter((node) => {
        const rect = node.getBoundingClientRect();
        return rect.right > window.innerWidth + 1 || rect.left < -1;
      }).map((node) => node.textContent?.slice(0, 60));
      const clipped = texts.filter((node) => node.scrollWidth > node.clientWidth + 1).map((node) => node.textContent?.slice(0, 60));
      return { wide, clipped, offscreen, checked: texts.length > 2 };
    });
    expect(overflow).toEqual({ wide: false, clipped: [], offscreen: [], checked: true });
    await phone.close();
  });

  test('the queue alerts staff (tone and desktop notification) when a new handoff arrives, filters by tag, and lists turns not understood', async () => {
    const api = await signIn(running.url, ADMIN.email, ADMIN.password);
    const handOff = async (words: string) => {
      const chat = await newChat(running.url);
      await say(running.url, chat.conversationId, words, { from: { id: chat.userId } });
      return chat.conversationId;
    };
    const tagged = await handOff('I need to speak to a human, my order came damaged');
    expect((await api.put(`/api/review/conversations/${tagged}/tags`, { tags: ['damaged'] })).status).toBe(200);

    // Its own context, whose clock the test moves on: the queue refreshes every 5 s, and waiting for that proves nothing.
    const agentContext = await browser.newContext();
    await agentContext.clock.install();
    const agent = await agentContext.newPage();
    await agent.addInitScript(() => {
      const record = window as unknown as { alerts: string[]; tones: number };
      record.alerts = [];
      record.tones = 0;
      // Stand-ins that record what the page asks of the browser; headless Chromium shows neither.
      class RecordedNotification {
        static permission = 'granted';
        static requestPermission = async () => 'granted';
        constructor(title: string, options?: { body?: string }) { record.alerts.push(`${title}: ${options?.body ?? ''}`); }
      }
      Object.defineProperty(window, 'Notification', { value: RecordedNotification, configurable: true });
      const RealAudio = window.AudioContext;
      class RecordedAudio extends RealAudio {
        override createOscillator() { record.tones += 1; return super.createOscillator(); }
      }
      Object.defineProperty(window, 'AudioContext', { value: RecordedAudio, configurable: true });
    });
    await signInToConsole(agent, running.url);
    await agent.goto(`${running.url}/console/handoffs.html`);
    await agent.locator('#handoffs tbody tr', { hasText: 'my order came damaged' }).waitFor();
    await agent.getByRole('button', { name: 'Turn on alerts' }).click();
    await agent.getByRole('button', { name: 'Alerts on' }).waitFor();

    await handOff('get me a real person please, the tracking link is broken');
    // The next refresh, now rather than in up to 5 s: it finds the new handoff and alerts.
    await agent.clock.fastForward(5_000);
    await agent.waitForFunction(() => (window as unknown as { alerts: string[] }).alerts.length > 0, undefined, { timeout: 30_000 });
    const { alerts, tones } = await agent.evaluate(() => {
      const record = window as unknown as { alerts: string[]; tones: number };
      return { alerts: record.alerts, tones: record.tones };
    });
    expect(alerts).toEqual(['A shopper is waiting for a person: "get me a real person please, the tracking link is broken"']);
    expect(tones).toBeGreaterThan(0);
    await agent.locator('#handoffs tbody tr', { hasText: 'the tracking link is broken' }).waitFor();

    await agent.getByLabel('Tag').selectOption('damaged');
    await agent.getByRole('button', { name: 'Show' }).click();
    await agent.locator('#handoffs tbody tr', { hasText: 'the tracking link is broken' }).waitFor({ state: 'detached' });
    await expect(agent.locator('#handoffs tbody tr').allTextContents()).resolves.toEqual([expect.stringContaining('my order came damaged')]);
    await agent.screenshot({ path: join(ARTIFACTS, 'console-handoff-queue-tag.png'), fullPage: true });

    const puzzled = await newChat(running.url);
    await say(running.url, puzzled.conversationId, 'zxqv blorp wibble', { from: { id: puzzled.userId } });
    await agent.getByRole('link', { name: 'Turns the bot did not understand' }).click();
    await agent.locator('#unrecognized tbody tr', { hasText: 'zxqv blorp wibble' }).waitFor();
    await agent.screenshot({ path: join(ARTIFACTS, 'console-not-understood.png'), fullPage: true });
    await agent.close();
  });
});
