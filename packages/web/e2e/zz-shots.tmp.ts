// Temporary screenshot script (not committed): demo server, each role from /connexion, new screens at 1400 and 390 px.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWeb } from './build-web';
import { launchChromium } from './launch-chromium';
import { startTestServer } from './start-test-server';

const OUT = '/tmp/setup-shots';
const PASSWORD = 'mutualis-demo';

async function main() {
  const dist = mkdtempSync(join(tmpdir(), 'shots-web-'));
  await buildWeb(dist);
  const server = await startTestServer(dist);
  const browser = await launchChromium();
  const shoot = async (email: string, name: string, paths: string[]) => {
    for (const width of [1400, 390]) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'fr-FR' });
      page.setDefaultTimeout(30_000);
      await page.goto(`${server.baseUrl}/connexion`);
      await page.getByLabel('Adresse e-mail').fill(email);
      await page.getByLabel('Mot de passe').fill(PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForTimeout(2500);
      await page.screenshot({ path: `${OUT}/${name}-home-${width}.png`, fullPage: true });
      for (const [i, path] of paths.entries()) {
        await page.goto(`${server.baseUrl}${path}`);
        await page.waitForTimeout(2500);
        await page.screenshot({ path: `${OUT}/${name}-${i}-${width}.png`, fullPage: true });
      }
      await page.close();
    }
  };
  const orgOf = async (email: string) =>
    (
      await server.database.db
        .selectFrom('user_roles')
        .innerJoin('users', 'users.id', 'user_roles.user_id')
        .select('user_roles.organization_id')
        .where('users.email', '=', email)
        .executeTakeFirstOrThrow()
    ).organization_id ?? '';
  {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/connexion`);
    await page.getByLabel('Adresse e-mail').fill('animatrice@alsace.demo');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForTimeout(2000);
    const r = await page.request.post(`${server.baseUrl}/api/territories/alsace/census-campaigns`, {
      headers: { 'x-mutualis-client': 'web' },
      data: {
        title: 'Recensement 2027',
        deadline: '2027-01-29',
        familyIds: ['fam-salt', 'fam-paper', 'fam-ppe-gloves'],
        message: 'Pensez à vos contrats en cours.',
      },
    });
    console.log('campaign', r.status());
    await page.request.post(`${server.baseUrl}/api/territories/alsace/census-campaign/reminders`, {
      headers: { 'x-mutualis-client': 'web' },
      data: { organizationIds: [] },
    });
    await page.close();
  }
  await shoot('animatrice@alsace.demo', 'facilitator', [
    '/territoires/alsace/organisations',
    '/territoires/alsace/comptes',
    '/territoires/alsace/recensement',
    '/territoires/alsace/demandes-d-acces',
  ]);
  const basRhin = await orgOf('achats@bas-rhin.demo');
  await shoot('achats@bas-rhin.demo', 'member', [`/organisations/${basRhin}/contrats`, `/organisations/${basRhin}/comptes`]);
  const firm = await orgOf('commercial@sels-rhenans.demo');
  await shoot('commercial@sels-rhenans.demo', 'supplier', [`/organisations/${firm}/profil`]);
  await shoot('administrateur@mutualis.demo', 'admin', ['/administration']);
  await shoot('observateur@mutualis.demo', 'observer', []);
  for (const width of [1400, 390]) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'fr-FR' });
    await page.goto(`${server.baseUrl}/mot-de-passe-oublie`);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${OUT}/public-forgot-${width}.png`, fullPage: true });
    await page.goto(`${server.baseUrl}/mot-de-passe#jeton=${'A'.repeat(43)}`);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${OUT}/public-deadlink-${width}.png`, fullPage: true });
    await page.goto(`${server.baseUrl}/public/charente/previsions`);
    await page.waitForTimeout(1500);
    await page.getByRole('button', { name: /Demandez-en un/ }).click();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${OUT}/public-request-${width}.png`, fullPage: true });
    await page.close();
  }
  await browser.close();
  await server.stop();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
