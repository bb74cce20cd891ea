import { ofNameFr } from '@mutualis/core';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { setUpWebApp } from './web-app';

const DEMO_PASSWORD = 'mutualis-demo';
const FACILITATOR = 'animatrice@alsace.demo';
const SLUG = 'alsace';
/** A two-member opportunity of the Alsace demo with quantities (health booklets, counted in units). */
const OPPORTUNITY = 'famille:fam-health-booklets@territoire';
// Generous bounds: a real server, argon2 logins and a real browser on a shared 2-core machine.
const FLOW_TIMEOUT_MS = 240_000;
const STEP_TIMEOUT_MS = 30_000;
const POLL = { timeout: STEP_TIMEOUT_MS, interval: 100 };
const HEADERS = { 'X-Mutualis-Client': 'web' };

const app = setUpWebApp({ setupTimeoutMs: FLOW_TIMEOUT_MS, stepTimeoutMs: STEP_TIMEOUT_MS });

interface Member {
  organizationId: string;
  name: string;
  needsDeliberation: boolean;
}

/** The facilitator's API calls that set the scene (the groupement creation screen belongs to another flow). */
async function apiJson<T>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const response = await page.request.fetch(`${app.server.baseUrl}/api${path}`, { method, headers: HEADERS, ...(data ? { data } : {}) });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

async function recordAccession(page: Page, member: Member) {
  await page.getByRole('button', { name: `Enregistrer l’adhésion ${ofNameFr(member.name)}` }).click();
  const dialog = page.getByRole('dialog', { name: `Adhésion ${ofNameFr(member.name)}` });
  if (member.needsDeliberation) {
    await dialog.getByLabel('Date de la délibération').fill('2026-10-06');
    await dialog.getByLabel('Référence de la délibération').fill(`DEL-2026-${member.name.length}`);
  }
  await dialog.getByLabel('Date de signature de la convention').fill('2026-10-20');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('a facilitator takes a groupement from its convention to realised savings', () => {
  test(
    'records signatures and deliberations, is blocked then allowed to launch, awards, enters consumption and reads the dashboard',
    async () => {
      const page = await app.newPage();
      await page.goto(`${app.server.baseUrl}/`);
      await page.getByLabel('Adresse e-mail').fill(FACILITATOR);
      await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('link', { name: 'Vue du territoire' }).waitFor();

      const groupement = await apiJson<{ id: string }>(page, 'POST', `/territories/${SLUG}/groupements`, {
        opportunityId: OPPORTUNITY,
        mandateScope: 'procedure_signature',
      });
      const firm = (await apiJson<{ items: { siret: string; name: string }[] }>(page, 'GET', `/organizations?territory=${SLUG}&kind=sme`))
        .items[0];
      await page.goto(`${app.server.baseUrl}/groupements/${groupement.id}`);
      await page.getByRole('heading', { name: 'Cycle de vie du groupement' }).waitFor();

      await page.getByRole('button', { name: 'Déclarer la convention rédigée' }).click();
      await page.getByRole('button', { name: 'Constater la signature par tous' }).waitFor();
      const view = await apiJson<{ members: Member[] }>(page, 'GET', `/groupements/${groupement.id}/lifecycle`);
      const [first, ...others] = view.members;
      if (!first || others.length === 0) throw new Error('the demo opportunity should have two members');
      await recordAccession(page, first);

      // Launch is blocked: the alert names the member that has not signed yet.
      const blocked = page.getByRole('alert').filter({ hasText: 'n’est pas encore possible' });
      await expect.poll(() => blocked.textContent(), POLL).toContain(others[0]?.name ?? '');
      await page.getByRole('button', { name: 'Constater la signature par tous' }).click();
      await page.getByText('Action refusée').waitFor();
      for (const member of others) await recordAccession(page, member);
      await expect.poll(() => blocked.count(), POLL).toBe(0);
      await page.getByRole('button', { name: 'Constater la signature par tous' }).click();
      await page.getByRole('button', { name: 'Lancer la procédure' }).click();
      await page.getByText(/^Lancée le/).waitFor();

      // The awarded price: 20 % under the cheapest member's former unit price.
      const needs = await apiJson<{ items: { unitPriceCents: number | null; label: string }[] }>(
        page,
        'GET',
        `/needs?territory=${SLUG}&limit=200&q=carnet`,
      );
      const prices = needs.items.flatMap((n) => (n.unitPriceCents ? [n.unitPriceCents] : []));
      const awardedCents = Math.floor(Math.min(...prices) * 0.8);
      await page.getByRole('button', { name: 'Attribuer un lot' }).click();
      const award = page.getByRole('dialog', { name: 'Attribuer un lot' });
      // Sent empty, the form answers next to its fields, in French, without the API's paths.
      await award.getByRole('button', { name: 'Enregistrer l’attribution' }).click();
      await award.getByText('Le SIRET du titulaire est obligatoire.').waitFor();
      await award.getByText('Le prix unitaire est obligatoire.').waitFor();
      expect(await award.getByText(/lots\.0|négatif/).count()).toBe(0);
      // The form proposes the planned start (next year); deliveries are entered below, so the contract starts today.
      const today = new Date().toISOString().slice(0, 10);
      await award.getByLabel('Début du marché').fill(`${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`);
      await award.getByLabel('SIRET du titulaire').fill(firm?.siret ?? '');
      await award.getByLabel('Raison sociale du titulaire').fill(firm?.name ?? '');
      await award.getByLabel(/Prix unitaire attribué/).fill((awardedCents / 100).toFixed(2).replace('.', ','));
      await award.getByRole('button', { name: 'Enregistrer l’attribution' }).click();
      await award.waitFor({ state: 'hidden' });
      await page.getByRole('table', { name: 'Lots attribués' }).waitFor();

      await page.getByRole('button', { name: 'Saisir une consommation' }).click();
      const consumption = page.getByRole('dialog', { name: 'Saisir une consommation' });
      await consumption.getByLabel(/Quantité livrée/).fill('500');
      await consumption.getByLabel('Montant payé (€ HT)').fill(((500 * awardedCents) / 100).toFixed(2).replace('.', ','));
      await consumption.getByRole('button', { name: 'Enregistrer la consommation' }).click();
      await consumption.waitFor({ state: 'hidden' });
      await page.getByRole('table', { name: 'Économies par membre' }).waitFor();
      await page.getByRole('table', { name: 'Journal des décisions' }).getByText('Consommation saisie').waitFor();
      await expect.poll(() => page.locator('.mantine-Notification-root').count(), POLL).toBe(0);

      await page.getByRole('link', { name: 'Tableau de bord', exact: true }).first().click();
      await page.getByRole('heading', { name: 'Tableau de bord des achats mutualisés' }).waitFor();
      const realised = page.getByText('Économies réalisées', { exact: true }).locator('..');
      await expect.poll(() => realised.textContent(), POLL).toMatch(/[1-9][\d\s\u202f]*\s€/);
      await page.locator('.recharts-bar-rectangle').first().waitFor();
      await page.close();
    },
    FLOW_TIMEOUT_MS,
  );
});
