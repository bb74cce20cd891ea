import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
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
/** The commune of Croix's real DECP records, 2019–2021. */
const CROIX_SOURCE = '/work/shared/data/decp-more-real/moreymat_decp_21590163800019_2019-01-01_2021-12-31.json';

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

/** Imports some records of a real DECP file, by their index in its list, into Alsace (see `importIntoAlsace`). */
async function importRecordsIntoAlsace(page: Page, source: string, indexes: readonly number[]): Promise<void> {
  const records = (JSON.parse(readFileSync(source, 'utf8')) as { marches: unknown[] }).marches;
  await importIntoAlsace(page, basename(source), Buffer.from(JSON.stringify({ marches: indexes.map((i) => records[i]) })));
}

/** Opens « DECP à vérifier » from the menu. */
async function openFlaggedContracts(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'DECP à vérifier' }).click();
  await page.getByRole('heading', { name: 'DECP à vérifier' }).waitFor();
}

/** The count « À vérifier (N) » shows. */
async function pendingCount(page: Page): Promise<number> {
  const label = await page.getByText(/^À vérifier \(\d+\)$/).textContent();
  return Number(/\((\d+)\)/.exec(label ?? '')?.[1]);
}

/** Lists the contracts of one flag, by its option in « Signalement » (« Identifiant partagé (1) »). */
async function showFlag(page: Page, option: string | RegExp): Promise<void> {
  await page.getByRole('textbox', { name: 'Signalement' }).click();
  await page.getByRole('option', { name: option }).click();
}

describe('a facilitator checks the buyer names of a DECP import', () => {
  test(
    'sees the repaired name to review, confirms it, and finds the budget under its commune in both lists',
    async () => {
      const page = await app.newPage({ height: 1200 });
      await app.logIn(page, FACILITATOR_EMAIL);
      await importIntoAlsace(page, 'decp.json', readFileSync(FIXTURE));

      await openFlaggedContracts(page);
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
      await importRecordsIntoAlsace(page, KLEBER_SOURCE, [307, 308]);

      await openFlaggedContracts(page);
      await showFlag(page, 'Identifiant partagé (1)');
      const lot5 = page.locator('.mantine-Paper-root').filter({ hasText: 'Lot 5 : menuiseries' });
      await lot5.getByText('Hors estimations').waitFor();
      expect(await lot5.textContent()).toMatch(
        /Identifiant «\u00a02019000000001500\u00a0» déjà publié par cet acheteur pour un autre marché/,
      );
      // The list opens on what is still to look at: confirmed, lot 5 has nothing left and leaves it, said aloud.
      const pendingBefore = await pendingCount(page);
      await lot5.getByRole('button', { name: 'Confirmer : c’est un autre marché' }).click();
      await page
        .getByText(
          /^«\u00a0Réhabilitation de l.école kleber .*Lot 5\u00a0: menuiseries extérieures aluminium\u00a0»\u00a0: signalement confirmé\.$/,
        )
        .waitFor();
      await lot5.waitFor({ state: 'detached' });
      expect(await pendingCount(page)).toBe(pendingBefore - 1);
      await page.getByText(/^Tous \(\d+\)$/).click();
      await lot5.getByText('Confirmé', { exact: true }).waitFor();
      expect(await lot5.getByText('Hors estimations').count()).toBe(0);
      // Found again by a word of its objet: not among what is still to look at, among every flagged contract.
      await page.reload();
      await page.getByText(/^À vérifier \(\d+\)$/).waitFor();
      await page.getByRole('textbox', { name: 'Rechercher' }).fill('menuiseries');
      await page.getByText('Aucun marché à vérifier ne correspond à «\u00a0menuiseries\u00a0».').waitFor();
      await page.getByText(/^Tous \(1\)$/).click();
      await lot5.getByText('Confirmé', { exact: true }).waitFor();
      await page.close();
    },
    FLOW_TIMEOUT_MS,
  );

  test(
    'gives a contract published without a CPV code one, found by the words of its label, and one without a nature its nature',
    async () => {
      const page = await app.newPage({ height: 1200 });
      await app.logIn(page, FACILITATOR_EMAIL);
      // Commune of Croix, 2019–2021 file, record 64 (read by hand): « Fourniture de fleurs coupées, plantes vertes et
      // fleuries », codeCPV "", 30,000 €: flagged « CPV inconnu ». In the CPV 2008 list, the one label holding both
      // « fleurs » and « coupées » is 03121200 « Fleurs coupées ». Record 54 (« Portails - Vérifications
      // règlementaires… », 2020qmezv0000000) publishes nature "": flagged « Nature absente », read as a marché.
      await importRecordsIntoAlsace(page, CROIX_SOURCE, [64, 54]);

      await openFlaggedContracts(page);
      // Every flagged contract, not only those still to look at: a corrected one stays in sight with its new status.
      await page.getByText(/^Tous \(\d+\)$/).click();
      await showFlag(page, /^CPV inconnu \(\d+\)$/);
      const flowers = page.locator('.mantine-Paper-root').filter({ hasText: 'Fourniture de fleurs coupées' });
      await flowers.getByText('CPV —', { exact: false }).waitFor();
      const save = flowers.getByRole('button', { name: 'Corriger' });
      expect(await save.isDisabled()).toBe(true);
      await flowers.getByRole('textbox', { name: 'Code CPV 2008' }).fill('fleurs coupées');
      await page.getByRole('option', { name: /03121200/ }).click();
      expect(await flowers.getByRole('textbox', { name: 'Code CPV 2008' }).inputValue()).toBe('03121200');
      await flowers.getByText('Fleurs coupées', { exact: true }).waitFor();
      await save.click();
      await flowers.getByText('Corrigé', { exact: true }).waitFor();
      await flowers.getByText(/CPV 03121200/).waitFor();

      // The nature is chosen between the two the schema knows, not typed.
      await showFlag(page, /^Nature absente \(\d+\)$/);
      const gates = page.locator('.mantine-Paper-root').filter({ hasText: 'Portails - Vérifications' });
      await gates.getByRole('textbox', { name: 'Nature' }).click();
      await page.getByRole('option', { name: 'Accord-cadre', exact: true }).click();
      const patched = page.waitForResponse((response) => response.request().method() === 'PATCH');
      await gates.getByRole('button', { name: 'Corriger' }).click();
      const response = await patched;
      expect(response.request().postDataJSON()).toEqual({ nature: 'accord_cadre' });
      expect(((await response.json()) as { nature: string }).nature).toBe('accord_cadre');
      await gates.getByText('Corrigé', { exact: true }).waitFor();
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
