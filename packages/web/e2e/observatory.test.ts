import { createRepositories } from '@mutualis/db';
import { describe, expect, test } from 'vitest';
import { setUpWebApp } from './web-app';

// The Alsace facilitator of the demo territories (packages/core/src/demo/alsace.ts).
const FACILITATOR_EMAIL = 'animatrice@alsace.demo';
const FLOW_TIMEOUT_MS = 240_000;
const STEP_TIMEOUT_MS = 30_000;
/** Where the flow leaves its screenshots (not the README's: they are looked at, not shipped). */
const SHOTS = process.env.MUTUALIS_E2E_SHOTS;

const app = setUpWebApp({ setupTimeoutMs: FLOW_TIMEOUT_MS, stepTimeoutMs: STEP_TIMEOUT_MS });

/** A published contract of a demo buyer, as the DECP import stores it (the duration includes renewals). */
function decpContract(organizationId: string, cpvCode: string, amountEuros: number, durationMonths: number, n: number) {
  return {
    organizationId,
    reference: `OBS-${n}`,
    cpvCode,
    label: `Marché publié ${n}`,
    holderSiret: null,
    holderName: null,
    notificationDate: '2025-03-01',
    startDate: '2025-03-01',
    durationMonths,
    renewalCount: 0,
    renewalMonths: 0,
    noticeMonths: 3,
    renewalsUsed: 0,
    amountCents: amountEuros * 100,
    nature: 'marche' as const,
    source: 'decp' as const,
    decpId: `obs-e2e|${n}`,
  };
}

describe('anyone signed in reads the open-data observatory of a département', () => {
  test(
    'lists the Bas-Rhin’s published office paper first, hides its road works behind the visible switch, says why and shows the evidence',
    async () => {
      // The demo has no DECP contract: four published contracts of Bas-Rhin buyers (four distinct
      // SIRENs), written before any page is read. Office paper, class 3019: 24,000 € over 12 months
      // (Département du Bas-Rhin) + 36,000 € over 24 months (Ville de Strasbourg) = 24,000 + 18,000
      // = 42,000 € a year. Road works, class 4523: 1,200,000 € over 12 months (Eurométropole) +
      // 600,000 € over 6 months (Haguenau) = 1,200,000 + 1,200,000 = 2,400,000 € a year, rarely pooled.
      const repos = createRepositories(app.server.database);
      await repos.runningContracts.insert(decpContract('demo-org-67-cd', '30197630', 24_000, 12, 1));
      await repos.runningContracts.insert(decpContract('demo-org-67-strasbourg', '30197643', 36_000, 24, 2));
      await repos.runningContracts.insert(decpContract('demo-org-67-ems', '45233140', 1_200_000, 12, 3));
      await repos.runningContracts.insert(decpContract('demo-org-67-haguenau', '45233141', 600_000, 6, 4));

      const page = await app.newPage({ height: 1000 });
      await page.setViewportSize({ width: 1400, height: 1000 });
      await app.logIn(page, FACILITATOR_EMAIL);
      await page.getByRole('link', { name: 'Observatoire (données ouvertes)' }).click();
      await page.getByRole('heading', { name: 'Observatoire des données ouvertes' }).waitFor();
      await page.getByText(/Source\u00a0: 4 marchés publiés de 4 acheteurs/).waitFor();

      await page.getByRole('textbox', { name: 'Département' }).click();
      await page.getByRole('option', { name: /^67 · Bas-Rhin/ }).click();
      const list = page.getByRole('table', { name: 'Opportunités trouvées dans les données ouvertes' });
      await list.waitFor();
      // Hidden by default, behind a switch that says how many it hides.
      const rare = page.getByRole('switch', { name: /^Afficher les opportunités rarement mutualisées \(1\)/ });
      await rare.waitFor();
      expect(await rare.isChecked()).toBe(false);
      const rows = list.getByRole('row');
      expect(await rows.count()).toBe(2); // header + the paper
      const paper = rows.nth(1);
      expect(await paper.textContent()).toContain('CPV 30190000');
      expect(await paper.textContent()).toMatch(/42\s000\s€/);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/observatory-1400.png`, fullPage: true });

      // Each line says why it ranks where it does.
      await paper.getByTestId('poolability-badge').click();
      const why = page.getByRole('dialog').filter({ hasText: 'Pourquoi ce rang' });
      await why.waitFor();
      expect((await why.textContent())?.length ?? 0).toBeGreaterThan('Pourquoi ce rang'.length + 20);
      await page.keyboard.press('Escape');

      await rare.click();
      await list.getByRole('row').nth(2).waitFor();
      const works = list.getByRole('row').nth(2);
      expect(await works.textContent()).toContain('CPV 45230000');
      expect(await works.textContent()).toMatch(/2\s400\s000\s€/);
      expect(await works.getByTestId('poolability-badge').textContent()).toMatch(/rarement mutualisé/i);

      await works.getByRole('button', { name: /^Preuves : / }).click();
      const evidence = page.getByRole('table', { name: 'Marchés publiés dont vient l’opportunité' });
      await evidence.waitFor();
      const evidenceText = (await evidence.textContent()) ?? '';
      expect(evidenceText).toContain('Eurométropole de Strasbourg');
      expect(evidenceText).toContain('Ville de Haguenau');
      await page.keyboard.press('Escape');

      await page.setViewportSize({ width: 390, height: 844 });
      await rare.waitFor();
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/observatory-390.png`, fullPage: true });
      await page.close();
    },
    FLOW_TIMEOUT_MS,
  );
});
