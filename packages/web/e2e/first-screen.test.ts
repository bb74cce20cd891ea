import { describe, expect, test } from 'vitest';
import { setUpWebApp } from './web-app';

const DEMO_PASSWORD = 'mutualis-demo';
// Generous bounds: a real server, argon2 logins and a real browser on a shared 2-core machine.
const FLOW_TIMEOUT_MS = 300_000;
const STEP_TIMEOUT_MS = 30_000;
const POLL = { timeout: STEP_TIMEOUT_MS, interval: 100 };

const app = setUpWebApp({ setupTimeoutMs: FLOW_TIMEOUT_MS, stepTimeoutMs: STEP_TIMEOUT_MS });

/**
 * Issue 16 §1: signing in from /connexion (where logout and expired sessions land) left the main
 * area blank, for every role — opening / directly worked, so flows starting there missed it.
 */
describe('the first screen after signing in from /connexion', () => {
  test(
    'shows every demo account a page with a title and content, away from /connexion',
    async () => {
      // Every account of the demo (facilitators, member buyers, suppliers, the observer), read from the database.
      const accounts = await app.server.database.db
        .selectFrom('users')
        .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
        .select(['users.email', 'user_roles.role'])
        .distinct()
        .orderBy('users.email')
        .execute();
      const roles = new Set(accounts.map((a) => a.role));
      expect([...roles].sort()).toEqual(['facilitator', 'member', 'observer', 'supplier']);
      const emails = [...new Set(accounts.map((a) => a.email))];
      expect(emails.length).toBeGreaterThanOrEqual(9);

      for (const email of emails) {
        const page = await app.newPage();
        await page.goto(`${app.server.baseUrl}/connexion`);
        await page.getByRole('heading', { name: 'Connexion' }).waitFor();
        await page.getByLabel('Adresse e-mail').fill(email);
        await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Se connecter' }).click();
        await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
        const main = page.locator('main');
        // A page title in the main area, and more than a title: the blank screen had neither.
        await main.getByRole('heading', { level: 1 }).first().waitFor();
        await expect.poll(async () => (((await main.textContent()) ?? '').trim().length > 80 ? 'filled' : 'blank'), POLL).toBe('filled');
        expect(new URL(page.url()).pathname, email).not.toBe('/connexion');
        expect(await page.getByText('Page introuvable').count(), email).toBe(0);
        await page.close();
      }
    },
    FLOW_TIMEOUT_MS,
  );
});
