import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { setUpWebApp } from './web-app';

// The Alsace facilitator of the demo territories (packages/core/src/demo/alsace.ts).
const FACILITATOR_EMAIL = 'animatrice@alsace.demo';
const FLOW_TIMEOUT_MS = 240_000;
const STEP_TIMEOUT_MS = 30_000;
/** Three real DECP records (see the fixtures' README): SOLIDEO's name lost its accents, « MAIRIE ANNECY BUDGET PRINCIPAL », « CPAM HAUTES PYRENNEES ». */
const FIXTURE = fileURLToPath(new URL('../../server/test/fixtures/decp/real-2019-flagged.json', import.meta.url));

/** The real e-marchespublics records of the dev split (records 307 and 308 are two lots under one identifier). */
const KLEBER_SOURCE = '/work/shared/data/decp-2019-colinmaudry-decp-json/e-marchespublics.dev80.json';

const app = setUpWebApp({ setupTimeoutMs: FLOW_TIMEOUT_MS, stepTimeoutMs: STEP_TIMEOUT_MS });

/**
 * Imports a DECP file into Alsace as the facilitator's browser does: an import is a job, the upload
 * answers 202 and is previewed; its buyers lie outside Alsace, so the scope takes them in
 * (includeOutside); confirmed, it runs until done.
 */
async function importIntoAlsace(page: Page, name: string, buffer: Buffer): Promise<void> {
  const imports = `${app.server.baseUrl}/api/territories/alsace/imports`;
  const headers = { 'X-Mutualis-Client': 'web' };
  const upload = await page.request.post(`${imports}/decp?includeOutside=true`, {
    headers,
    multipart: { file: { name, mimeType: 'application/json', buffer } },
  });
  expect(upload.status(), await upload.text()).toBe(202);
  const { id } = (await upload.json()) as { id: string };
  const settled = async (): Promise<string> => {
    for (;;) {
      const status = ((await (await page.request.get(`${imports}/${id}`, { headers })).json()) as { status: string }).status;
      if (status !== 'previewing' && status !== 'running') return status;
      await page.waitForTimeout(100);
    }
  };
  expect(await settled()).toBe('previewed');
  const confirm = await page.request.post(`${imports}/${id}/confirm`, { headers, data: {} });
  expect(confirm.status(), await confirm.text()).toBe(202);
  expect(await settled()).toBe('done');
}

describe('a facilitator checks the buyer names of a DECP import', () => {
  test(
    'sees the repaired name to review, confirms it, and finds the budget under its commune in both lists',
    async () => {
      const page = await app.newPage({ height: 1200 });
      await app.logIn(page, FACILITATOR_EMAIL);
      await importIntoAlsace(page, 'decp.json', readFileSync(FIXTURE));

      await page.getByRole('link', { name: 'DECP à vérifier' }).click();
      await page.getByRole('heading', { name: 'DECP à vérifier' }).waitFor();
      // The flagged contracts already bear the resolved names.
      await page.getByText('Commune d’Annecy', { exact: true }).waitFor();
      await page.getByRole('tab', { name: 'Noms d’acheteurs' }).click();
      const solideo = page.locator('.mantine-Paper-root').filter({ hasText: 'Société de livraison des ouvrages olympiques (SOLIDEO)' });
      await solideo.getByText('À vérifier', { exact: true }).waitFor();
      // French spacing: no-break spaces inside the guillemets.
      expect(await solideo.textContent()).toContain('«\u00a0Soci\uFFFDt\uFFFD\u00a0» → «\u00a0Société\u00a0»');
      await solideo.getByRole('button', { name: 'Confirmer ce nom' }).click();
      await page.getByText('Aucun nom à vérifier.').waitFor();

      await page.getByText(/^Tous \(\d+\)$/).click();
      const annecy = page.locator('.mantine-Paper-root').filter({ hasText: 'MAIRIE ANNECY BUDGET PRINCIPAL' });
      await annecy.getByText('Budget ou service rattaché').waitFor();
      expect(await annecy.getByText('Commune d’Annecy', { exact: true }).count()).toBe(1);
      await page.getByText(/Nom vérifié par animatrice@alsace\.demo le/).waitFor();
      await page.close();
    },
    FLOW_TIMEOUT_MS,
  );

  test(
    'confirms a lot published under the identifier of another lot, which then counts in the estimates',
    async () => {
      const page = await app.newPage({ height: 1200 });
      await app.logIn(page, FACILITATOR_EMAIL);
      // e-marchespublics records 307 and 308 (read by hand): buyer 21590220600014, both id 2019000000001500,
      // « Lot 3 : couverture » 117,932 € and « Lot 5 : menuiseries » 146,953 €, no other flag. The second is kept
      // under an identifier of its own, flagged, and left out of estimates until confirmed.
      const records = (JSON.parse(readFileSync(KLEBER_SOURCE, 'utf8')) as { marches: unknown[] }).marches;
      const buffer = Buffer.from(JSON.stringify({ marches: [records[307], records[308]] }));
      await importIntoAlsace(page, 'kleber.json', buffer);

      await page.getByRole('link', { name: 'DECP à vérifier' }).click();
      await page.getByRole('heading', { name: 'DECP à vérifier' }).waitFor();
      await page.getByRole('textbox', { name: 'Signalement' }).click();
      await page.getByRole('option', { name: 'Identifiant partagé (1)' }).click();
      const lot5 = page.locator('.mantine-Paper-root').filter({ hasText: 'Lot 5 : menuiseries' });
      await lot5.getByText('Hors estimations').waitFor();
      expect(await lot5.textContent()).toMatch(
        /Identifiant «\u00a02019000000001500\u00a0» déjà publié par cet acheteur pour un autre marché/,
      );
      await lot5.getByRole('button', { name: 'Confirmer : c’est un autre marché' }).click();
      await lot5.getByText('Confirmé', { exact: true }).waitFor();
      await lot5.getByText('Hors estimations').waitFor({ state: 'detached' });
      await page.close();
    },
    FLOW_TIMEOUT_MS,
  );

  test(
    'fits a phone: nothing scrolls sideways, the territory switcher is in the menu',
    async () => {
      const page = await app.newPage();
      await page.setViewportSize({ width: 390, height: 900 });
      await app.logIn(page, FACILITATOR_EMAIL);
      await page.goto(`${app.server.baseUrl}/territoires/alsace/a-verifier`);
      await page.getByRole('heading', { name: 'DECP à vérifier' }).waitFor();
      await page.getByRole('tab', { name: 'Noms d’acheteurs' }).click();
      await page.getByText(/^Tous \(\d+\)$/).click();
      await page.locator('.mantine-Paper-root').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
      await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      await page.getByRole('button', { name: 'Ouvrir le menu' }).click();
      await page.getByRole('navigation', { name: 'Navigation principale' }).locator('input[aria-label="Territoire"]').waitFor();
      await page.close();
    },
    FLOW_TIMEOUT_MS,
  );
});
