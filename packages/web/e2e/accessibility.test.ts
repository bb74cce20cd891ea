import { buildDemoTerritories } from '@mutualis/core';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  findCutBadgeWords,
  findHeaderOverflow,
  findPointerOnlyElements,
  findSeriousAxeViolations,
  findSidewaysOverflow,
  walkWithKeyboard,
} from './accessibility-checks';
import { join } from 'node:path';
import { DEMO_PASSWORD, POLL } from './story-helpers';
import { SCREENSHOTS, setUpWebApp } from './web-app';

// Issue 16 §4: every screen each demo account can reach passes axe-core (WCAG 2.1 A and AA, serious
// and critical rules, at 1400 px), holds on a 390 × 844 phone without sideways scrolling and with its
// header whole, has no click-only element, and names itself in the browser tab (RGAA 8.6) — one title
// per kind of screen. Each kind of screen is also walked once with the Tab key: every action reached,
// the focus visible on each.
const FLOW_TIMEOUT_MS = 600_000;
const STEP_TIMEOUT_MS = 40_000;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1400, height: 900 };

const app = setUpWebApp({ setupTimeoutMs: FLOW_TIMEOUT_MS, stepTimeoutMs: STEP_TIMEOUT_MS });

/** Every demo account, read from the demo seeder so that the flow follows the demo data. */
const ACCOUNTS = buildDemoTerritories(new Date().toISOString().slice(0, 10)).users.map((user) => user.email);

/** The README's phone screenshots (the first screen, 390 × 844): account → kind of screen → file. */
const PHONE_SCREENSHOTS: Record<string, Record<string, string>> = {
  'animatrice@alsace.demo': {
    'territoires/alsace': 'territory-mobile.png',
    'territoires/alsace/opportunites/:id': 'opportunity-mobile.png',
  },
  'achats@bas-rhin.demo': { '': 'member-home-mobile.png' },
};

/** Kinds of screen already walked with the keyboard (once per kind: the walk presses Tab once per action). */
const WALKED = new Set<string>();

/** The kind of a screen: its path with the ids of organizations, groupements and opportunities blanked. */
function screenKind(url: string): string {
  const parts = new URL(url).pathname.split('/').filter(Boolean);
  return parts
    .map((part, index) => {
      const before = parts[index - 1];
      const isId = before === 'organisations' || before === 'groupements' || (before === 'opportunites' && index === 3);
      return isId ? ':id' : part;
    })
    .join('/');
}

/** Waits until the screen has loaded: no request in flight, no spinner, a main heading. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.mantine-Loader-root').count(), POLL).toBe(0);
  await page
    .locator('h1')
    .first()
    .waitFor({ timeout: 5_000 })
    .catch(() => undefined);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/**
 * Waits until a resize has played out: components that follow media queries from script re-render after the
 * resize, a frame or more later on a loaded machine, and measuring before they do reads the old layout. Quiet
 * means no DOM change for 300 ms (at most 5 s).
 */
async function settleLayout(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let timer = setTimeout(done, 300);
        const observer = new MutationObserver(() => {
          clearTimeout(timer);
          timer = setTimeout(done, 300);
        });
        const cap = setTimeout(done, 5_000);
        function done() {
          observer.disconnect();
          clearTimeout(cap);
          requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
        }
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      }),
  );
}

/** The screens an account reaches: its sidebar, then the detail screens its lists link to. */
async function reachableScreens(page: Page, baseUrl: string): Promise<string[]> {
  const hrefsOf = (selector: string) =>
    page.locator(selector).evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
  const screens = new Set<string>([page.url()]);
  for (const href of await hrefsOf('nav[aria-label="Navigation principale"] a[href]')) screens.add(href);
  // An administrator who also holds a territory role opens the administration from a button of its home.
  const isAdministrator = (await page.getByRole('button', { name: 'Ouvrir l’administration' }).count()) > 0;
  if (isAdministrator) screens.add(`${baseUrl}/administration`);
  for (const list of [...screens]) {
    const kind = screenKind(list);
    if (!kind.endsWith('/opportunites') && !kind.endsWith('/groupements')) continue;
    await page.goto(list);
    await settle(page);
    const detail = (await hrefsOf('main a[href]')).find((href) => /\/(opportunites|groupements)\/[^/?]+$/.test(new URL(href).pathname));
    if (!detail) continue;
    screens.add(detail);
    if (!detail.includes('/opportunites/')) continue;
    // The opportunity's own screens (lots, local chain), when its page links to them for this account.
    await page.goto(detail);
    await settle(page);
    for (const href of await hrefsOf('main a[href]')) if (/\/(lots|sourcing)$/.test(new URL(href).pathname)) screens.add(href);
  }
  return [...screens];
}

async function checkScreen(page: Page, url: string, phoneScreenshot?: string): Promise<{ findings: string[]; title: string }> {
  await page.setViewportSize(DESKTOP);
  await page.goto(url);
  await settle(page);
  const findings: string[] = [];
  const where = screenKind(url);
  if ((await page.locator('h1').count()) === 0) findings.push(`${where} has no main heading (h1)`);
  for (const v of await findSeriousAxeViolations(page))
    findings.push(`${where} [1400] ${v.impact} ${v.rule}: ${v.help} — ${v.targets.join(' | ')}`);
  for (const p of await findPointerOnlyElements(page)) findings.push(`${where} click-only element: ${p}`);
  await page.setViewportSize(PHONE);
  await settleLayout(page);
  for (const p of await findSidewaysOverflow(page)) findings.push(`${where} [390] ${p}`);
  for (const p of await findHeaderOverflow(page)) findings.push(`${where} [390] header: ${p}`);
  for (const p of await findCutBadgeWords(page)) findings.push(`${where} [390] ${p}`);
  if (phoneScreenshot) await page.screenshot({ path: join(SCREENSHOTS, phoneScreenshot), animations: 'disabled' });
  // Last, at 1400 px: the walk opens what it focuses (date pickers, menus), so nothing is measured after it.
  if (!WALKED.has(where)) {
    WALKED.add(where);
    await page.setViewportSize(DESKTOP);
    await settleLayout(page);
    const walk = await walkWithKeyboard(page);
    for (const p of walk.unreached) findings.push(`${where} [clavier] never reached with Tab: ${p}`);
    for (const p of walk.invisibleFocus) findings.push(`${where} [clavier] focus not visible on ${p}`);
  }
  return { findings, title: await page.title() };
}

describe('every screen of every demo account is accessible, holds on a phone and has its own title', () => {
  test(
    'the login screen',
    async () => {
      const page = await app.newPage();
      const { findings, title } = await checkScreen(page, `${app.server.baseUrl}/connexion`);
      expect(findings).toEqual([]);
      expect(title).toBe('Connexion — Mutualis');
      await page.close();
    },
    FLOW_TIMEOUT_MS,
  );

  test.each(ACCOUNTS)(
    '%s',
    async (email) => {
      const page = await app.newPage();
      await page.goto(`${app.server.baseUrl}/connexion`);
      await page.getByLabel('Adresse e-mail').fill(email);
      await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL((url) => url.pathname !== '/connexion');
      await settle(page);

      const screens = await reachableScreens(page, app.server.baseUrl);
      // Every role reaches at least its home screen and one more.
      expect(screens.length).toBeGreaterThan(1);
      const findings: string[] = [];
      const kindOfTitle = new Map<string, string>();
      for (const url of screens) {
        const kind = screenKind(url);
        const { findings: found, title } = await checkScreen(page, url, PHONE_SCREENSHOTS[email]?.[kind]);
        findings.push(...found);
        if (!/^.+ — Mutualis$/.test(title)) findings.push(`${kind} title « ${title} » does not name the screen`);
        const other = kindOfTitle.get(title);
        if (other !== undefined && other !== kind) findings.push(`${kind} and ${other} share the title « ${title} »`);
        kindOfTitle.set(title, kind);
      }
      expect(findings).toEqual([]);
      await page.close();
    },
    FLOW_TIMEOUT_MS,
  );
});
