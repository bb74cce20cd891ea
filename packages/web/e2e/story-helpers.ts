import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const DEMO_PASSWORD = 'mutualis-demo';
// Generous bounds: a real server, argon2 logins and a real browser on a shared 2-core machine.
export const STEP_TIMEOUT_MS = 40_000;
export const POLL = { timeout: STEP_TIMEOUT_MS, interval: 100 };

/** Logs in through the login screen, as a person would, and waits for the app's sidebar (in the page, hidden behind the menu on a phone). */
export async function logIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.locator('nav[aria-label="Navigation principale"]').waitFor({ state: 'attached' });
}

/** Waits until every toast has closed so that none covers a screenshot. */
export async function waitForToastsGone(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.mantine-Notification-root').count(), POLL).toBe(0);
}

/**
 * A whole-page screenshot without the artefacts of Playwright's `fullPage` mode, where fixed
 * elements (the app header, the sidebar) stay where the viewport was: the header showed in the
 * middle of a scrolled page and the sidebar stopped at the first screen. Here the viewport is
 * grown to the page's height, so the page is laid out as on a tall screen, then put back.
 */
export async function captureFullPage(page: Page, path: string): Promise<void> {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('the page has no fixed viewport');
  await page.evaluate(() => window.scrollTo(0, 0));
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  // Two frames: the resize reflows the page, then charts redraw at their new size.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.waitForTimeout(300);
  await page.screenshot({ path, animations: 'disabled' });
  await page.setViewportSize(viewport);
}

/** ISO date of the first day of the month `months` after today (UTC), as the demo seeder dates contract ends. */
export function firstOfMonthIn(months: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1)).toISOString().slice(0, 10);
}

const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** « 1er mars 2028 »: a long French date, written independently of the application's formatter. */
export function longFrenchDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${day === 1 ? '1er' : day} ${MONTHS_FR[month - 1]} ${year}`;
}
