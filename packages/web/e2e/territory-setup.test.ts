import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, type MutualisDb, migrateToLatest } from '@mutualis/db';
import { buildApp, loadConfig, prepareFirstAdministratorLink } from '@mutualis/server';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildWeb } from './build-web';
import { launchChromium } from './launch-chromium';
import { POLL, STEP_TIMEOUT_MS } from './story-helpers';

// The whole set-up of a territory from an empty database, in the browser only (issue 16 §2): the first
// administrator from the link `mutualis serve` prints, a territory and its facilitator, two organizations,
// an invited buyer who enters its running contract and a need, and sees its first opportunity.
const FLOW_TIMEOUT_MS = 300_000;
const PASSWORD = 'une phrase de passe assez longue';
/** SIRETs of two distinct legal units, SIREN and SIRET keys valid (core's buildSiret; fictional establishments). */
const SIRET_CITY = '21640102600010';
const SIRET_AGGLOMERATION = '20006051500018';

/** A TCP port free on the loopback now (the operating system's pick). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = address !== null && typeof address !== 'string' ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

let dataDir: string;
let distDir: string;
let database: MutualisDb;
let app: FastifyInstance;
let browser: Browser;
let baseUrl: string;
let setupUrl: string;

beforeAll(async () => {
  distDir = mkdtempSync(join(tmpdir(), 'mutualis-web-'));
  dataDir = mkdtempSync(join(tmpdir(), 'mutualis-e2e-'));
  await buildWeb(distDir);
  database = await createDatabase(`sqlite:${join(dataDir, 'empty.db')}`);
  await migrateToLatest(database);
  // The links the server hands out are built from PUBLIC_URL (never from the request): the server's own address.
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  app = await buildApp({
    database,
    config: loadConfig({ LOG_LEVEL: 'silent', COOKIE_SECURE: 'never', WEB_DIST_DIR: distDir, PORT: String(port), PUBLIC_URL: baseUrl }),
    logger: false,
  });
  await app.listen({ host: '127.0.0.1', port });
  // What `mutualis serve` does at start on an instance without administrator (and prints).
  const link = await prepareFirstAdministratorLink({ database, sessionSecret: null, baseUrl });
  if (!link) throw new Error('an empty database must offer the set-up link');
  setupUrl = link.url;
  browser = await launchChromium();
}, FLOW_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
  for (const dir of [dataDir, distDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A fresh browser context (its own cookies): each person on their own computer. */
async function personPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'fr-FR' });
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  return page;
}

/** Chooses a password on the page a one-time link opened. */
async function choosePassword(page: Page, button: string): Promise<void> {
  await page.getByLabel('Nouveau mot de passe').fill(PASSWORD);
  await page.getByLabel('Confirmez le mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: button }).click();
}

/** The one-time link shown when the instance sends no e-mail. */
async function handedLink(page: Page): Promise<string> {
  const field = page.getByLabel('Lien à usage unique');
  await field.waitFor();
  const url = await field.inputValue();
  expect(url).toMatch(/\/mot-de-passe#jeton=[A-Za-z0-9_-]{43}$/);
  return url;
}

async function pickOption(page: Page, label: string, option: string | RegExp, typed?: string): Promise<void> {
  // Required fields carry an asterisk in their label: match the label's start.
  const field = page.getByRole('dialog').getByLabel(new RegExp(`^${label}`));
  if (typed) await field.fill(typed);
  else await field.click();
  await page.getByRole('option', { name: option }).first().click();
}

async function addOrganization(page: Page, org: { siret: string; name: string; kind: string | RegExp }): Promise<void> {
  await page.getByRole('button', { name: 'Ajouter une organisation' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Ajouter une organisation' });
  await dialog.getByLabel('SIRET').fill(org.siret);
  await dialog.getByLabel('Nom').fill(org.name);
  await pickOption(page, 'Type', org.kind);
  await pickOption(page, 'Commune de l’établissement', 'Bayonne (64)', 'bayon');
  await dialog.getByRole('button', { name: 'Ajouter' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('cell', { name: org.name, exact: true }).waitFor();
}

async function addSaltNeed(page: Page, label: string): Promise<void> {
  await page
    .getByRole('button', { name: /Ajouter (un|un premier) besoin/ })
    .first()
    .click();
  const dialog = page.getByRole('dialog', { name: 'Ajouter un besoin' });
  await dialog.getByLabel('Code CPV').fill('34927100');
  await dialog.getByLabel('Libellé du besoin').fill(label);
  await dialog.getByLabel('Quantité annuelle').fill('150');
  await dialog.getByLabel('Unité', { exact: true }).click();
  await page.getByRole('option', { name: 'tonne (t)' }).click();
  await dialog.getByLabel(/Prix unitaire HT/).fill('92');
  await dialog.getByRole('button', { name: 'Enregistrer' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describe('a territory set up from the browser, from an empty database', () => {
  test(
    'the administrator creates a territory, the facilitator adds two organizations and invites a buyer, who enters its contract and need and sees its first opportunity',
    async () => {
      // 1. The first administrator, from the link printed at start.
      const admin = await personPage();
      await admin.goto(setupUrl);
      await admin.getByRole('heading', { name: 'Installation : premier administrateur' }).waitFor();
      // The token leaves the address bar once read.
      expect(new URL(admin.url()).hash).toBe('');
      await admin.getByLabel('Prénom et nom').fill('Inès Garnier');
      await admin.getByLabel('Adresse e-mail').fill('admin@pays-basque.test');
      await choosePassword(admin, 'Créer l’administrateur');
      await admin.getByRole('button', { name: 'Ouvrir l’administration' }).click();

      // 2. A territory and its facilitator.
      await admin.getByRole('button', { name: 'Créer un territoire' }).first().click();
      const territoryDialog = admin.getByRole('dialog', { name: 'Créer un territoire' });
      await territoryDialog.getByLabel('Nom du territoire').fill('Pays basque');
      expect(await territoryDialog.getByLabel('Identifiant court').inputValue()).toBe('pays-basque');
      await territoryDialog.getByRole('button', { name: 'Créer' }).click();
      const inviteDialog = admin.getByRole('dialog', { name: /Inviter un animateur/ });
      await inviteDialog.getByLabel('Prénom et nom').fill('Maialen Etxeberria');
      await inviteDialog.getByLabel('Adresse e-mail').fill('animation@pays-basque.test');
      await inviteDialog.getByRole('button', { name: 'Inviter' }).click();
      const facilitatorLink = await handedLink(admin);

      // 3. The facilitator chooses a password and lands on what to do next.
      const facilitator = await personPage();
      await facilitator.goto(facilitatorLink);
      await choosePassword(facilitator, 'Enregistrer et me connecter');
      await facilitator.getByRole('heading', { name: 'Bonjour Maialen Etxeberria' }).waitFor();
      await facilitator.getByText('1. Ajouter les organisations du territoire').waitFor();

      // 4. Two organizations by SIRET (a wrong key is refused next to the field first).
      await facilitator.getByRole('button', { name: 'Organisations' }).click();
      await facilitator.getByRole('button', { name: 'Ajouter une organisation' }).first().click();
      const orgDialog = facilitator.getByRole('dialog', { name: 'Ajouter une organisation' });
      await orgDialog.getByLabel('SIRET').fill('21640102600011');
      await orgDialog.getByText(/Clé de contrôle incorrecte/).waitFor();
      await orgDialog.getByRole('button', { name: 'Annuler' }).click();
      await addOrganization(facilitator, { siret: SIRET_CITY, name: 'Ville de Bayonne', kind: 'Commune' });
      await addOrganization(facilitator, {
        siret: SIRET_AGGLOMERATION,
        name: 'Communauté d’agglomération Pays basque',
        kind: /Intercommunalité|EPCI/,
      });

      // 5. The buyer of the city is invited; the link is handed to the facilitator (no e-mail here).
      await facilitator
        .getByRole('row', { name: /Ville de Bayonne/ })
        .getByRole('button', { name: 'Inviter un acheteur' })
        .click();
      const buyerDialog = facilitator.getByRole('dialog', { name: /Inviter une personne/ });
      await buyerDialog.getByLabel('Prénom et nom').fill('Peio Achats');
      await buyerDialog.getByLabel('Adresse e-mail').fill('achats@bayonne.test');
      await buyerDialog.getByRole('button', { name: 'Inviter' }).click();
      const buyerLink = await handedLink(facilitator);

      // 6. The facilitator records the agglomeration's salt need (its buyer is not invited yet).
      await facilitator
        .getByRole('row', { name: /Communauté d’agglomération/ })
        .getByRole('button', { name: /Ouvrir les écrans/ })
        .click();
      await facilitator.getByRole('menuitem', { name: 'Besoins' }).click();
      await facilitator.getByRole('heading', { name: 'Recensement des besoins' }).waitFor();
      await addSaltNeed(facilitator, 'Sel de déneigement – agglomération');

      // 7. The buyer chooses its password and is guided: contracts first.
      const buyer = await personPage();
      await buyer.goto(buyerLink);
      await buyer.getByText('Bonjour Peio Achats, choisissez le mot de passe de votre compte achats@bayonne.test.').waitFor();
      await choosePassword(buyer, 'Enregistrer et me connecter');
      await buyer.getByRole('heading', { name: 'Pour commencer' }).waitFor();
      await buyer.getByRole('button', { name: 'Saisir mes contrats' }).click();
      await buyer.getByRole('button', { name: 'Ajouter un premier contrat' }).click();
      const contract = buyer.getByRole('dialog', { name: 'Ajouter un contrat en cours' });
      await contract.getByLabel('Référence du contrat').fill('SEL-2024-01');
      await contract.getByLabel('Objet').fill('Fourniture de sel de déneigement');
      await contract.getByLabel('Code CPV').fill('34927100');
      await contract.getByLabel('Titulaire', { exact: true }).fill('Salines du Sud-Ouest');
      await contract.getByLabel('Début d’exécution').fill('01/10/2024');
      await contract.getByLabel('Durée initiale (mois)').fill('12');
      await contract.getByLabel('Reconductions prévues').fill('2');
      await contract.getByLabel('Durée d’une reconduction (mois)').fill('12');
      await contract.getByLabel('Préavis (mois)').fill('3');
      await contract.getByLabel('Montant total HT (€)').fill('41400');
      await contract.getByRole('button', { name: 'Enregistrer' }).click();
      await contract.waitFor({ state: 'hidden' });
      // 1 October 2024 + 12 months + 2 renewals of 12 months: ends at the latest on 30 September 2027.
      await buyer
        .getByRole('row', { name: /SEL-2024-01/ })
        .getByText('30 septembre 2027')
        .waitFor();

      await buyer.getByRole('link', { name: 'Mes besoins' }).click();
      await buyer.getByRole('heading', { name: 'Recensement des besoins' }).waitFor();
      await addSaltNeed(buyer, 'Sel de déneigement – ville');

      // 8. The first opportunity: the city and the agglomeration both buy road salt.
      await buyer.getByRole('link', { name: 'Opportunités' }).click();
      const opportunities = buyer.getByRole('table');
      await opportunities.waitFor();
      await expect.poll(() => opportunities.getByRole('row').filter({ hasText: /sel/i }).count(), POLL).toBeGreaterThan(0);

      // The facilitator now sees organizations and accounts done.
      await facilitator.getByRole('link', { name: 'Accueil', exact: true }).click();
      await facilitator.getByText('2 acheteurs publics et 0 entreprise.').waitFor();
      await facilitator.getByText('1 compte acheteur.').waitFor();
    },
    FLOW_TIMEOUT_MS,
  );
});
