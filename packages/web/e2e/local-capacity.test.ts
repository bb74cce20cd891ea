import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SCREENSHOTS, setUpWebApp } from './web-app';

const GEL = 'famille:fam-hand-sanitizer@16';
const TITLE = 'Gel hydro-alcoolique des acheteurs charentais';
// Generous bounds: a real server, argon2 logins and a real browser on a shared 2-core machine.
const FLOW_TIMEOUT_MS = 300_000;
const STEP_TIMEOUT_MS = 40_000;

const app = setUpWebApp({ setupTimeoutMs: FLOW_TIMEOUT_MS, stepTimeoutMs: STEP_TIMEOUT_MS });

const newPage = () => app.newPage({ height: 1000 });

describe('local capacity in Charente', () => {
  test(
    'the facilitator sources the gel, designs its lots and publishes the forecast; the polish maker declares interest; the public page shows it',
    async () => {
      const facilitator = await newPage();
      await app.logIn(facilitator, 'facilitateur@charente.demo');

      await facilitator.getByRole('link', { name: 'Entreprises', exact: true }).click();
      await facilitator.getByRole('table', { name: 'Entreprises du territoire' }).waitFor();
      await facilitator.getByText('Cirages et Cires de l’Angoumois').first().waitFor();

      await facilitator.getByRole('link', { name: 'Carte', exact: true }).click();
      await facilitator.locator('path.leaflet-interactive').first().waitFor();
      await facilitator.screenshot({ path: join(SCREENSHOTS, 'map.png') });

      await facilitator.goto(`${app.server.baseUrl}/territoires/charente/opportunites/${encodeURIComponent(GEL)}`);
      await facilitator.getByRole('link', { name: 'Sourcing local' }).click();
      await facilitator.getByRole('img', { name: 'Graphe de la filière locale' }).waitFor();
      await facilitator.locator('[data-node="producer:demo-firm-16-cirages-angoumois"]').hover();
      await expect.poll(() => facilitator.getByText(/Cirages et Cires de l’Angoumois couvre/).count()).toBeGreaterThan(0);

      await facilitator.getByRole('link', { name: 'Concevoir les lots →' }).click();
      const lotsTable = facilitator.getByRole('table', { name: 'Lots du découpage' });
      await lotsTable.waitFor();
      await facilitator.locator('.leaflet-interactive').first().waitFor();
      const rows = lotsTable.locator('tbody tr');
      expect(await rows.count()).toBeGreaterThan(1);

      await facilitator.getByRole('button', { name: 'Publier la prévision' }).click();
      const dialog = facilitator.getByRole('dialog', { name: 'Publier la prévision de consultation' });
      await dialog.getByLabel('Intitulé').fill(TITLE);
      await dialog.getByLabel('Lancement prévu').fill('01/02/2027');
      await dialog.getByLabel('Début d’exécution prévu').fill('01/07/2027');
      // Leaving the field closes its calendar, which otherwise covers the buttons.
      await dialog.getByLabel('Intitulé').click();
      await dialog.getByRole('button', { name: 'Publier' }).click();
      await facilitator.getByRole('heading', { name: 'Consultations prévues' }).waitFor();
      await facilitator.getByRole('heading', { name: TITLE }).waitFor();
      await facilitator.close();

      const supplier = await newPage();
      await app.logIn(supplier, 'contact@cirages-angoumois.demo');
      await supplier.getByRole('link', { name: 'Prévisions' }).click();
      const card = supplier.getByRole('region', { name: `Consultation ${TITLE}` });
      await card.getByLabel(/Capacité annuelle/).fill('20000');
      await card.getByRole('button', { name: 'Déclarer mon intérêt' }).click();
      await card.getByText('Vos déclarations').waitFor();
      await expect.poll(() => supplier.locator('.mantine-Notification-root').count(), { timeout: STEP_TIMEOUT_MS }).toBe(0);
      await supplier.close();

      const visitor = await newPage();
      await visitor.goto(`${app.server.baseUrl}/public/charente/previsions`);
      await visitor.getByRole('heading', { name: /Consultations prévues — Charente/ }).waitFor();
      await visitor.getByRole('heading', { name: TITLE }).waitFor();
      expect(await visitor.getByRole('button', { name: 'Se connecter' }).count()).toBe(0);
      await visitor.close();
    },
    FLOW_TIMEOUT_MS,
  );
});
