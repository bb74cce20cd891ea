import { createRepositories } from '@mutualis/db';
import { describe, expect, test } from 'vitest';
import { setUpWebApp } from './web-app';

// Generous bounds: a real server, argon2 logins and a real browser on a shared 2-core machine.
const FLOW_TIMEOUT_MS = 240_000;
const STEP_TIMEOUT_MS = 40_000;
/** An organization name that runs script if a tooltip inserts it as HTML. */
const HOSTILE_NAME = 'Pirate <img src="x" onerror="window.__mutualisXss = true"> SARL';

const app = setUpWebApp({ setupTimeoutMs: FLOW_TIMEOUT_MS, stepTimeoutMs: STEP_TIMEOUT_MS });

describe('map tooltips', () => {
  test(
    'show an organization name holding HTML as text, running nothing',
    async () => {
      const repos = createRepositories(app.server.database);
      const charente = await repos.territories.getBySlug('charente');
      if (!charente) throw new Error('demo territory charente missing');
      const firm = await repos.organizations.insert({
        siret: '39812736500012',
        name: HOSTILE_NAME,
        kind: 'sme',
        inseeCode: '16015',
        departementCode: '16',
        regionCode: '75',
        epciSiren: null,
        isDemo: false,
      });
      await repos.memberships.add(charente.id, firm.id);
      await repos.supplierProfiles.upsert({
        organizationId: firm.id,
        nafCodes: [],
        competences: [],
        products: [],
        deliveryRadiusKm: 30,
        certifications: [],
        isSme: true,
        description: '',
      });

      const page = await app.newPage();
      await app.logIn(page, 'facilitateur@charente.demo');
      await page.getByRole('link', { name: 'Carte', exact: true }).click();
      await page.locator('path.leaflet-interactive').first().waitFor();
      // Open each marker's tooltip in turn (Leaflet opens it on mouseover) and keep the hostile one's.
      const tooltip = await page.evaluate((name) => {
        for (const path of document.querySelectorAll('path.leaflet-interactive')) {
          path.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
          const shown = [...document.querySelectorAll('.leaflet-tooltip')].find((t) => t.textContent?.includes(name));
          if (shown) return { text: shown.textContent, images: shown.querySelectorAll('img').length };
          path.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
        }
        return null;
      }, HOSTILE_NAME);
      expect(tooltip).toEqual({
        text: `${HOSTILE_NAME} (PME) — livre dans un rayon de 30 km (position approchée)`,
        images: 0,
      });
      expect(await page.evaluate(() => (window as { __mutualisXss?: boolean }).__mutualisXss ?? false)).toBe(false);
      await page.close();
    },
    FLOW_TIMEOUT_MS,
  );
});
