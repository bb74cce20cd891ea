import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { logIn, POLL, STEP_TIMEOUT_MS } from './story-helpers';
import { setUpWebApp } from './web-app';

const FLOW_TIMEOUT_MS = 240_000;
// Demo accounts (packages/core/src/demo/alsace.ts, charente.ts).
const BAS_RHIN_BUYER = 'achats@bas-rhin.demo';
const CHARENTE_FACILITATOR = 'facilitateur@charente.demo';
const PHARMACIST = 'pharmacie@ch-angouleme.demo';
const HOSPITAL_ID = 'demo-org-16-ch-angouleme';
const CITY_ID = 'demo-org-16-angouleme';
const GEL = 'Gel et solution hydro-alcoolique';

const app = setUpWebApp({ setupTimeoutMs: FLOW_TIMEOUT_MS, stepTimeoutMs: STEP_TIMEOUT_MS });

/** A JSON call of the API as the page's user (its session cookie), with the CSRF header. */
async function call<T>(page: Page, method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown): Promise<T> {
  const response = await page.request.fetch(`${app.server.baseUrl}/api${path}`, {
    method,
    headers: { 'X-Mutualis-Client': 'web' },
    ...(data === undefined ? {} : { data }),
  });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

describe('confidentiality and admissions on screen', () => {
  test(
    'a member of a two-member opportunity reads no total and is told why',
    async () => {
      const page = await app.newPage();
      await logIn(page, app.server.baseUrl, BAS_RHIN_BUYER);
      await page.getByRole('link', { name: 'Opportunités', exact: true }).click();
      const list = page.getByRole('table', { name: 'Opportunités de groupement' });
      await list.waitFor();
      // Every Alsace opportunity pools the two départements: the other's amount would be total − own.
      expect(await list.getByText('non communiqué').count()).toBeGreaterThan(0);
      await list.getByRole('link', { name: 'Carnets de santé et de maternité' }).click();
      const note = page.getByTestId('withheld-note').first();
      await note.waitFor();
      expect(await note.textContent()).toContain('moins de 2 autres membres y contribuent');
      const members = page.getByRole('table', { name: 'Membres du groupement' });
      // The other département's share comes as a band, never as a percentage or an amount.
      const other = members.getByRole('row').filter({ hasText: 'Haut-Rhin' });
      expect(await other.textContent()).toMatch(/\d+ à \d+ %|moins de 10 %|50 % ou plus/);
      await page.close();
    },
    FLOW_TIMEOUT_MS,
  );

  test(
    'a removed member asks to join again, the facilitator accepts, and the groupement opens to it',
    async () => {
      const facilitator = await app.newPage();
      await logIn(facilitator, app.server.baseUrl, CHARENTE_FACILITATOR);
      const opportunities = await call<{ items: { id: string; family: { label: string } }[] }>(
        facilitator,
        'GET',
        '/territories/charente/opportunities?limit=200',
      );
      const gel = opportunities.items.find((o) => o.family.label === GEL);
      if (!gel) throw new Error('no gel opportunity in the Charente demo');
      const created = await call<{ id: string; members: { organizationId: string }[] }>(
        facilitator,
        'POST',
        '/territories/charente/groupements',
        {
          opportunityId: gel.id,
          name: 'Gel hydro-alcoolique 2027',
        },
      );
      const others = created.members.map((m) => m.organizationId).filter((id) => id !== HOSPITAL_ID);
      await call(facilitator, 'PATCH', `/groupements/${created.id}`, { memberIds: others, coordinatorIds: [CITY_ID] });

      const pharmacist = await app.newPage();
      await logIn(pharmacist, app.server.baseUrl, PHARMACIST);
      await pharmacist.getByRole('link', { name: 'Groupements', exact: true }).click();
      const joinable = pharmacist.getByRole('table', { name: 'Groupements que vous pouvez demander à rejoindre' });
      const row = joinable.getByRole('row').filter({ hasText: 'Gel hydro-alcoolique 2027' });
      await row.getByRole('button', { name: 'Demander à rejoindre' }).click();
      const dialog = pharmacist.getByRole('dialog', { name: 'Demander à rejoindre « Gel hydro-alcoolique 2027 »' });
      await dialog.getByLabel('Message pour qui décide (facultatif)').fill('Notre marché de gel se termine en juin 2027.');
      await dialog.getByRole('button', { name: 'Envoyer la demande' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(async () => (await row.textContent()) ?? '', POLL).toContain('en attente de décision');

      await facilitator.getByRole('link', { name: 'Groupements', exact: true }).click();
      const pending = facilitator.getByRole('table', { name: 'Demandes d’adhésion en attente' });
      const request = pending.getByRole('row').filter({ hasText: 'Centre hospitalier d’Angoulême' });
      expect(await request.textContent()).toContain('Notre marché de gel se termine en juin 2027.');
      await request.getByRole('button', { name: 'Accepter' }).click();
      await facilitator.getByText('Aucune demande en attente.').waitFor();

      await pharmacist.reload();
      await pharmacist.getByRole('table', { name: 'Groupements' }).getByRole('link', { name: 'Gel hydro-alcoolique 2027' }).waitFor();
      await Promise.all([facilitator.close(), pharmacist.close()]);
    },
    FLOW_TIMEOUT_MS,
  );
});
