import { join } from 'node:path';
import { DEFAULT_RECIPES } from '@mutualis/core';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { SCREENSHOTS, setUpWebApp } from './web-app';

const GEL = 'famille:fam-hand-sanitizer@16';
// The shipped hand-rub recipe is the expected data: the screen must show the library of core as is.
const HAND_RUB = DEFAULT_RECIPES.find((r) => r.id === 'recipe-hand-rub-who-1');
const GLYCEROL = HAND_RUB?.inputs.find((i) => i.label.startsWith('Glycérol'));
// Generous bounds: a real server, argon2 logins and a real browser on a shared 2-core machine.
const FLOW_TIMEOUT_MS = 300_000;
const STEP_TIMEOUT_MS = 40_000;
/** Intl fr-FR writes decimals with a comma: 14.5 → "14,5". */
const french = (value: number) => String(value).replace('.', ',');

const app = setUpWebApp({ setupTimeoutMs: FLOW_TIMEOUT_MS, stepTimeoutMs: STEP_TIMEOUT_MS });

async function logIn(email: string): Promise<Page> {
  const page = await app.newPage({ height: 1000 });
  await app.logIn(page, email);
  return page;
}

/** The text of the inputs-table row of `card` whose input label starts with `label`. */
async function inputRowText(card: Locator, label: string): Promise<string> {
  return (await card.getByRole('row').filter({ hasText: label }).first().textContent()) ?? '';
}

/** The text of the error element the field points to with aria-describedby: the error shown under that field. */
async function errorUnder(page: Page, field: Locator): Promise<string> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' | ');
}

describe('recipes in Charente', () => {
  test(
    'the facilitator edits the shipped hand-rub recipe, sees it marked as edited after a reload, then restores it; the observer only reads',
    async () => {
      if (!HAND_RUB || !GLYCEROL) throw new Error('the shipped library has no hand-rub recipe with glycerol');
      const page = await logIn('facilitateur@charente.demo');

      // From the sourcing screen of the pooled gel, the facilitator reaches the recipe it uses.
      await page.goto(`${app.server.baseUrl}/territoires/charente/opportunites/${encodeURIComponent(GEL)}/sourcing`);
      await page.getByRole('link', { name: 'modifier la recette' }).click();
      const fromSourcing = page.getByRole('dialog', { name: 'Modifier la recette' });
      expect(await fromSourcing.getByLabel('Libellé du produit').inputValue()).toBe(HAND_RUB.label);
      await fromSourcing.getByRole('button', { name: 'Annuler' }).click();
      await fromSourcing.waitFor({ state: 'hidden' });

      // The link led to the recipes screen itself (its ?modifier= opened the form, then was dropped).
      await page.waitForURL((url) => url.pathname === '/territoires/charente/recettes' && url.search === '');
      const card = page.getByRole('article', { name: `Recette ${HAND_RUB.label}` });
      await card.waitFor();
      for (const label of ['Éthanol', 'Glycérol', "Peroxyde d'hydrogène", 'Eau distillée', 'Flacon'])
        expect(
          HAND_RUB.inputs.some((i) => i.label.startsWith(label)),
          label,
        ).toBe(true);
      for (const input of HAND_RUB.inputs) {
        const row = await inputRowText(card, input.label);
        expect(row).toContain(input.label);
        expect(row).toContain(`${french(input.quantityPerUnit)} `);
      }
      expect(await card.getByText('fournie', { exact: true }).count()).toBe(1);
      await page.screenshot({ path: join(SCREENSHOTS, 'recipes.png'), fullPage: true });

      await card.getByRole('button', { name: `Modifier la recette « ${HAND_RUB.label} »` }).click();
      const dialog = page.getByRole('dialog', { name: 'Modifier la recette' });
      const glycerol = dialog.getByRole('group', { name: new RegExp(`Intrant \\d+ : ${GLYCEROL.label}`) });
      await glycerol.getByLabel(/Quantité pour 1/).fill('16');
      await dialog.getByRole('button', { name: 'Ajouter une compétence' }).click();
      const newCompetence = dialog.getByRole('textbox', { name: `Compétence ${HAND_RUB.competences.length + 1}`, exact: true });
      await newCompetence.click();
      await newCompetence.fill('Bonnes pratiques');
      await page.getByRole('option', { name: /Bonnes pratiques de fabrication cosmétiques/ }).click();

      // An empty source is refused by the server; its reason shows under that very field.
      const provenance = dialog.getByLabel('Source de la recette');
      await provenance.fill('   ');
      await dialog.getByRole('button', { name: 'Enregistrer' }).click();
      await expect.poll(() => errorUnder(page, provenance)).toContain('Indiquez la source de la recette.');
      // A taller window so that the whole form, product fields to buttons, fits in the picture.
      await page.setViewportSize({ width: 1440, height: 2000 });
      await page.screenshot({ path: join(SCREENSHOTS, 'recipes-form.png') });
      await page.setViewportSize({ width: 1440, height: 1000 });

      await provenance.fill(`${HAND_RUB.provenance} Glycérol porté à 16 mL après essai chez le fabricant de cirages.`);
      await dialog.getByRole('button', { name: 'Enregistrer' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await card.getByText('modifiée', { exact: true }).waitFor();

      await page.reload();
      await card.getByText('modifiée', { exact: true }).waitFor();
      expect(await inputRowText(card, GLYCEROL.label)).toContain('16 mL');
      await card.getByText(/Bonnes pratiques de fabrication cosmétiques \(ISO 22716\) · 1/).waitFor();

      await card.getByRole('button', { name: 'Rétablir la recette fournie' }).click();
      await page.getByRole('dialog', { name: 'Rétablir la recette fournie ?' }).getByRole('button', { name: 'Rétablir' }).click();
      await card.getByText('fournie', { exact: true }).waitFor();
      expect(await inputRowText(card, GLYCEROL.label)).toContain(`${french(GLYCEROL.quantityPerUnit)} mL`);
      expect(await card.getByText(/Bonnes pratiques de fabrication cosmétiques/).count()).toBe(0);
      await page.close();

      const observer = await logIn('observateur@mutualis.demo');
      await observer.goto(`${app.server.baseUrl}/territoires/charente/recettes`);
      await observer.getByRole('article', { name: `Recette ${HAND_RUB.label}` }).waitFor();
      expect(await observer.getByRole('button', { name: /Modifier|Ajouter une recette|Rétablir|Supprimer/ }).count()).toBe(0);
      await observer.close();
    },
    FLOW_TIMEOUT_MS,
  );
});
