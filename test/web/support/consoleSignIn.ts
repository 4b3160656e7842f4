import type { Page } from 'playwright-core';

/**
 * Signs into the staff console in `page` and waits for the page the role lands on. The browser profile may be shared
 * by the file's tests, so each sign-in starts without the previous session's cookie.
 */
export async function signInToConsole(page: Page, base: string, who: { email: string; password: string }, landing = 'Conversations'): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${base}/console/`);
  await page.getByLabel('Work email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: landing, exact: true }).waitFor();
}
