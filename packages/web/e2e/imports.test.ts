import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CENSUS_COLUMNS } from '@mutualis/core';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { findCutBadgeWords, findSidewaysOverflow } from './accessibility-checks';
import { SCREENSHOTS, setUpWebApp } from './web-app';

const DEMO_PASSWORD = 'mutualis-demo';
const DEMO_FACILITATOR = 'animatrice@alsace.demo';
const LABEL = 'Sel import e2e';
// Generous bounds: a real server, argon2 logins and a real browser on a shared 2-core machine.
const FLOW_TIMEOUT_MS = 240_000;
const STEP_TIMEOUT_MS = 30_000;
const POLL = { timeout: STEP_TIMEOUT_MS, interval: 100 };

const app = setUpWebApp({ setupTimeoutMs: FLOW_TIMEOUT_MS, stepTimeoutMs: STEP_TIMEOUT_MS });

/** A census workbook of three rows for `siret`; the second has an unknown CPV code (cell B3). */
async function censusWithOneBadRow(siret: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Recensement');
  sheet.addRow(CENSUS_COLUMNS.map((c) => c.header));
  const row = (cpv: string, label: string) => [siret, cpv, label, '120', 't', '', '95,50', '', '67482', '', '', 'ferme'];
  sheet.addRow(row('34927100', `${LABEL} 1`));
  sheet.addRow(row('12345678', `${LABEL} faux`));
  sheet.addRow(row('34927100', `${LABEL} 2`));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function logIn(page: Page, email: string): Promise<void> {
  await page.goto(`${app.server.baseUrl}/`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** 40 real records of 40 buyers; the Vendée's two are records 10 and 25 (see import-jobs.test.ts in server). */
const DECP_SAMPLE = join(import.meta.dirname, '../../server/test/fixtures/decp/real-2019-sample.json');

describe('DECP import: preview, confirm, undo', () => {
  test(
    'the facilitator previews a DECP file, takes the Vendée into the scope, imports it and undoes it from the history',
    async () => {
      const page = await app.newPage({ height: 1400 });
      await logIn(page, DEMO_FACILITATOR);
      await page.getByRole('link', { name: 'Imports' }).click();
      await page.getByRole('heading', { name: 'Imports et exports' }).waitFor();
      await page.locator('input[type="file"]').setInputFiles({
        name: 'decp-2019.json',
        mimeType: 'application/json',
        buffer: readFileSync(DECP_SAMPLE),
      });
      await page.getByRole('button', { name: 'Prévisualiser' }).click();
      // Alsace's members are in the Bas-Rhin and Haut-Rhin; none of the 40 buyers is: all outside.
      await page.getByText('Acheteurs hors du territoire : 40 (40 marchés), non importés').waitFor(POLL);
      await page.getByRole('textbox', { name: 'Départements du territoire' }).fill('Vendée');
      await page.getByRole('option', { name: 'Vendée (85)' }).click();
      await page.getByRole('button', { name: 'Recalculer l’aperçu' }).click();
      await page.getByText('Acheteurs du territoire : 2 (0 membre, 2 situés dans ses départements, 2 nouveaux)').waitFor(POLL);
      const inside = page.getByRole('table', { name: 'Acheteurs du territoire' });
      expect((await inside.getByRole('row').allTextContents()).slice(1).map((row) => row.includes('Vendée'))).toEqual([true, true]);
      // Records 10 and 25 (read by hand): dated, CPV 2008 codes, amount and duration given, buyer and holder SIRETs
      // whose Luhn keys hold (82746233400018, 57205033402006): nothing to flag.
      await page
        .getByText(/^Aucun contrat signalé\. Besoins proposés aux acheteurs, avant l’examen des montants anormaux : 2 nouveaux/)
        .waitFor(POLL);
      // On a phone the buyers' tables scroll in their frame and their « nouveau » badges stay whole.
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await findCutBadgeWords(page)).toEqual([]);
      expect(await findSidewaysOverflow(page)).toEqual([]);
      await page.setViewportSize({ width: 1440, height: 1400 });

      await page.getByRole('button', { name: 'Confirmer l’import' }).click();
      await page.getByText('Import terminé').or(page.getByText('Importés')).first().waitFor(POLL);
      // Amount verdicts need 30 comparable DECP contracts (core's `minPeers`); the demo's Alsace has none, so 2 give 0.
      await page.getByText(/^Aucun contrat signalé\. 0 montant anormal parmi les contrats DECP de tous les territoires/).waitFor(POLL);
      // Under the figures, what the DECP cannot show (marchés below the publication threshold, R2196-1).
      await page.getByText(/^Les données essentielles ne publient que les marchés de 40 000 € HT et plus \(art\. R2196-1 ;/).waitFor(POLL);
      const history = page.getByRole('table', { name: 'Historique des imports' });
      await history.getByText('terminé').waitFor(POLL);
      expect(await history.getByRole('row').nth(1).textContent()).toContain('2 contrats importés');

      await history.getByRole('button', { name: 'Annuler l’import' }).click();
      await page.getByRole('dialog', { name: 'Annuler cet import ?' }).getByRole('button', { name: 'Annuler l’import' }).click();
      await page.getByText('Import annulé').waitFor(POLL);
      await history.getByText('annulé', { exact: true }).waitFor(POLL);
      await page.close();
    },
    FLOW_TIMEOUT_MS,
  );
});

describe('census spreadsheet import and groupements', () => {
  test(
    'a member buyer uploads a census workbook with one bad row, reads the cell report and saves the valid rows',
    async () => {
      const page = await app.newPage();
      await logIn(page, app.server.memberBuyer.email);
      await page.getByRole('link', { name: 'Mes besoins' }).click();
      await page.getByRole('heading', { name: 'Recensement des besoins' }).waitFor();
      const organizationId = app.server.memberBuyer.organizationId;
      const { siret } = (await (await page.request.get(`${app.server.baseUrl}/api/organizations/${organizationId}`)).json()) as {
        siret: string;
      };

      await page.getByRole('button', { name: 'Importer un tableur' }).click();
      const dialog = page.getByRole('dialog', { name: 'Importer un tableur' });
      await dialog.locator('input[type="file"]').setInputFiles({
        name: 'recensement.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await censusWithOneBadRow(siret),
      });
      await dialog.getByRole('button', { name: 'Vérifier le fichier' }).click();
      const report = dialog.getByRole('table', { name: 'Erreurs du fichier' });
      await report.waitFor();
      await dialog.getByText('3 lignes lues : 2 valides, 1 refusée.').waitFor();
      const cells = await report.getByRole('row').nth(1).getByRole('cell').allTextContents();
      expect(cells.slice(0, 3)).toEqual(['Recensement', '3', 'B']);
      expect(cells[3]).toMatch(/CPV/);
      expect(await dialog.getByRole('button', { name: 'Tout enregistrer' }).isDisabled()).toBe(true);
      await page.screenshot({ path: join(SCREENSHOTS, 'census-import.png') });

      await dialog.getByRole('button', { name: 'Enregistrer les lignes valides' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByLabel('Rechercher').fill(LABEL);
      const rows = page.getByRole('row').filter({ hasText: LABEL });
      await expect.poll(() => rows.count(), POLL).toBe(2);
      expect(await rows.allTextContents()).not.toContainEqual(expect.stringContaining(`${LABEL} faux`));
      await page.close();
    },
    FLOW_TIMEOUT_MS,
  );

  test(
    'the facilitator creates a groupement from an opportunity and finds its convention downloads',
    async () => {
      const page = await app.newPage();
      await logIn(page, DEMO_FACILITATOR);
      await page.getByRole('link', { name: 'Groupements' }).click();
      await page.getByRole('heading', { name: 'Groupements de commandes' }).waitFor();
      await page.getByRole('textbox', { name: 'Opportunité' }).click();
      await page.getByRole('option').first().click();
      await page.getByRole('button', { name: 'Créer le groupement' }).click();
      const dialog = page.getByRole('dialog', { name: 'Créer le groupement de commandes' });
      await dialog.getByRole('button', { name: 'Créer', exact: true }).click();
      await page.getByRole('table', { name: 'Membres du groupement' }).waitFor();
      expect(new URL(page.url()).pathname).toMatch(/^\/groupements\//);
      expect(await page.getByText('Coordonnateur', { exact: true }).count()).toBeGreaterThan(0);
      const docx = page.getByRole('link', { name: 'Convention (DOCX)' });
      const response = await page.request.get(`${app.server.baseUrl}${await docx.getAttribute('href')}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('wordprocessingml');
      await page.close();
    },
    FLOW_TIMEOUT_MS,
  );
});
