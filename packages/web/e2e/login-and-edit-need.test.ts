import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { captureFullPage } from './story-helpers';
import { SCREENSHOTS, setUpWebApp } from './web-app';

const DEMO_PASSWORD = 'mutualis-demo';
const NEED_LABEL = 'Papier recyclé A4 – essai e2e';
// Generous bounds: the flow runs a real server, argon2 logins and a real browser on a shared 2-core machine.
const FLOW_TIMEOUT_MS = 180_000;
const STEP_TIMEOUT_MS = 30_000;
const POLL = { timeout: STEP_TIMEOUT_MS, interval: 100 };

const app = setUpWebApp({ setupTimeoutMs: FLOW_TIMEOUT_MS, stepTimeoutMs: STEP_TIMEOUT_MS });

async function errorOf(page: Page, field: Locator): Promise<string> {
  const id = await field.getAttribute('id');
  const error = page.locator(`[id="${id}-error"]`);
  return (await error.count()) === 0 ? '' : error.textContent().then((text) => text ?? '');
}

function needRow(page: Page): Locator {
  return page.getByRole('row').filter({ hasText: NEED_LABEL });
}

describe('a member buyer edits their census of needs', () => {
  test(
    'logs in, adds a need after fixing a bad CPV code, changes its quantity and deletes it',
    async () => {
      const page = await app.newPage();
      await page.goto(`${app.server.baseUrl}/`);

      await page.getByRole('heading', { name: 'Connexion' }).waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'login.png') });
      await page.getByLabel('Adresse e-mail').fill(app.server.memberBuyer.email);
      await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();

      await page.getByRole('link', { name: 'Mes besoins' }).click();
      await page.getByRole('heading', { name: 'Recensement des besoins' }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/organisations/${app.server.memberBuyer.organizationId}/besoins`);
      await page.getByRole('table', { name: 'Besoins recensés' }).waitFor();

      await page.getByRole('button', { name: 'Ajouter un besoin' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ajouter un besoin' });
      const cpv = dialog.getByLabel('Code CPV');
      await cpv.fill('12345678');
      await dialog.getByLabel('Libellé du besoin').fill(NEED_LABEL);
      await dialog.getByLabel('Quantité annuelle').fill('200');
      await dialog.getByLabel('Unité', { exact: true }).click();
      await page.getByRole('option', { name: 'ramette (500 feuilles)' }).click();
      await dialog.getByLabel(/Prix unitaire HT/).fill('4,5');
      await dialog.getByLabel('Communes de livraison').fill('Strasbourg');
      await page.getByRole('option', { name: 'Strasbourg (67)', exact: true }).click();
      await expect.poll(() => dialog.getByText(/Calculé : 900,00\s€/).count(), POLL).toBe(1);
      await dialog.getByRole('button', { name: 'Enregistrer' }).click();

      await expect.poll(() => cpv.getAttribute('aria-invalid'), POLL).toBe('true');
      expect(await errorOf(page, cpv)).toContain('12345678');
      expect(await errorOf(page, dialog.getByLabel('Libellé du besoin'))).toBe('');
      await page.screenshot({ path: join(SCREENSHOTS, 'need-form.png') });

      await cpv.fill('30197630');
      await dialog.getByLabel('Libellé du besoin').click();
      await dialog.getByRole('button', { name: 'Enregistrer' }).click();
      await dialog.waitFor({ state: 'hidden' });

      await page.getByLabel('Rechercher').fill(NEED_LABEL);
      await expect.poll(() => needRow(page).count(), POLL).toBe(1);
      expect(await needRow(page).textContent()).toMatch(/900,00\s€/);

      await needRow(page)
        .getByRole('button', { name: /^Modifier/ })
        .click();
      const editDialog = page.getByRole('dialog', { name: 'Modifier le besoin' });
      // The need stores the INSEE code; the form shows the commune's name again.
      await editDialog.getByText('Strasbourg (67)').waitFor();
      await editDialog.getByLabel('Quantité annuelle').fill('300');
      await editDialog.getByRole('button', { name: 'Enregistrer' }).click();
      await editDialog.waitFor({ state: 'hidden' });
      await expect.poll(() => needRow(page).textContent(), POLL).toMatch(/1\s350,00\s€/);

      await needRow(page)
        .getByRole('button', { name: /^Supprimer/ })
        .click();
      await page.getByRole('dialog', { name: 'Supprimer ce besoin ?' }).getByRole('button', { name: 'Supprimer', exact: true }).click();
      await page.getByText('Aucun besoin ne correspond à cette recherche.').waitFor();
      expect(await needRow(page).count()).toBe(0);

      await page.getByRole('link', { name: 'Vue du territoire' }).click();
      await page.getByRole('heading', { name: 'Acheteurs publics membres' }).waitFor();
      await page.locator('.recharts-bar-rectangle').first().waitFor();
      // Let the "need deleted" toast close so it does not cover the header in the screenshot.
      await expect.poll(() => page.locator('.mantine-Notification-root').count(), POLL).toBe(0);
      await captureFullPage(page, join(SCREENSHOTS, 'overview.png'));
      await page.close();
    },
    FLOW_TIMEOUT_MS,
  );
});
