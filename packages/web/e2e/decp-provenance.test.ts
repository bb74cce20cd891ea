import { join } from 'node:path';
import { createRepositories } from '@mutualis/db';
import { describe, expect, test } from 'vitest';
import { SCREENSHOTS, setUpWebApp } from './web-app';

// The Alsace facilitator of the demo territories (packages/core/src/demo/alsace.ts).
const FACILITATOR_EMAIL = 'animatrice@alsace.demo';
const SALT_CPV = '34927100';
const FLOW_TIMEOUT_MS = 240_000;
const STEP_TIMEOUT_MS = 30_000;
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

const app = setUpWebApp({ setupTimeoutMs: FLOW_TIMEOUT_MS, stepTimeoutMs: STEP_TIMEOUT_MS });

/** `YYYY-MM-DD` plus `months`, written as the app writes dates (« 1er mars 2027 »). */
function frenchDatePlusMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  return `${d === 1 ? '1er' : d} ${MONTHS[total % 12]} ${Math.floor(total / 12)}`;
}

describe('a facilitator sees why an imported contract ends when it does', () => {
  test(
    'shows « modifié par avenant » and the amendment’s explanation next to the end date in the calendar',
    async () => {
      // The demo has no DECP record: one Alsace salt contract is given the explanation the DECP
      // import stores for an amendment that lengthened it by 12 months (before any page is read,
      // so no analysis is cached yet).
      const { db } = app.server.database;
      const contract = await db
        .selectFrom('running_contracts')
        .innerJoin('territory_members', 'territory_members.organization_id', 'running_contracts.organization_id')
        .innerJoin('territories', 'territories.id', 'territory_members.territory_id')
        .select(['running_contracts.id', 'reference', 'start_date', 'duration_months'])
        .where('territories.slug', '=', 'alsace')
        .where('cpv_code', '=', SALT_CPV)
        .where('duration_months', '>', 12)
        .orderBy('reference')
        .executeTakeFirstOrThrow();
      const d = contract.duration_months;
      const lines = [
        `Durée portée de ${d - 12} à ${d} mois par la modification n° 1 du 3 mars 2025 (modifications[0]) : ` +
          `fin au ${frenchDatePlusMonths(contract.start_date, d)} au lieu du ${frenchDatePlusMonths(contract.start_date, d - 12)}.`,
      ];
      // As imported: the DECP duration already includes renewals (write-decp-batch.ts sets none).
      await createRepositories(app.server.database).runningContracts.update(contract.id, {
        source: 'decp',
        renewalCount: 0,
        renewalMonths: 0,
        renewalsUsed: 0,
        decpProvenance: lines,
      });

      const page = await app.newPage({ height: 1400 });
      await app.logIn(page, FACILITATOR_EMAIL);
      await page.getByRole('link', { name: 'Opportunités' }).click();
      const list = page.getByRole('table', { name: 'Opportunités de groupement' });
      await list.getByRole('link', { name: 'Sel de déneigement' }).click();

      const explained = page.getByTestId('decp-provenance');
      await explained.waitFor();
      const text = (await explained.textContent()) ?? '';
      expect(text).toContain(`marché ${contract.reference}`);
      expect(text).toContain(lines[0]);
      const badge = explained.getByTestId('decp-provenance-badge');
      expect(await badge.textContent()).toBe('modifié par avenant');
      // The badge's tooltip repeats the explanation for whoever hovers it (here: the calendar's own badge).
      await badge.hover();
      await page.getByRole('tooltip').filter({ hasText: 'Durée portée de' }).waitFor();
      await page.mouse.move(0, 0);
      await page.getByRole('tooltip').waitFor({ state: 'hidden' });

      const panel = page.locator('.mantine-Paper-root').filter({ has: explained });
      await panel.scrollIntoViewIfNeeded();
      const box = await panel.boundingBox();
      if (box === null) throw new Error('the calendar panel is not displayed');
      await page.screenshot({
        path: join(SCREENSHOTS, 'opportunity-decp-provenance.png'),
        clip: { x: box.x, y: box.y, width: box.width, height: box.height },
        animations: 'disabled',
      });
      await page.close();
    },
    FLOW_TIMEOUT_MS,
  );
});
