import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuyerNameDto, BuyerNamePage, ImportRecordDto } from '@mutualis/contract';
import { expect, it } from 'vitest';
import { multipartFile } from '../../../test/census-files';
import { settled } from '../../../test/settled-import';
import { describeApp } from '../../../test/test-app';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/decp');

/**
 * real-2019-flagged.json holds three real records whose buyers publish (read by hand):
 * - 83455372900015 « Soci�t� de livraison des ouvrages olympiques (SOLIDEO) »: accents lost;
 * - 20006340200016 « MAIRIE ANNECY BUDGET PRINCIPAL »: a main budget; SIREN 200063402 is the
 *   commune of Annecy in the official list of communes (@etalab/decoupage-administratif);
 * - 77716902000016 « CPAM HAUTES PYRENNEES »: a legal unit's name as it stands.
 */
describeApp('buyer names routes', (t) => {
  const slug = () => t.world.territoryA.slug;
  const list = (query = '') => t.as('facilitator').get(`/api/territories/${slug()}/buyer-names${query}`);
  const bySiret = (page: BuyerNamePage, siret: string) => page.items.find((i) => i.siret === siret) as BuyerNameDto;
  /** Uploads, previews and confirms a DECP file (its buyers are outside territory A's départements: all taken); the import's final status. */
  const importFile = async (payload: Buffer, headers: Record<string, string>) => {
    const imports = `/api/territories/${slug()}/imports`;
    const upload = await t.as('facilitator').request('POST', `${imports}/decp?includeOutside=true`, payload, headers);
    expect(upload.statusCode, upload.body).toBe(202);
    const { id } = upload.json() as ImportRecordDto;
    await settled(t.as('facilitator'), `${imports}/${id}`);
    expect((await t.as('facilitator').post(`${imports}/${id}/confirm`, {})).statusCode).toBe(202);
    return (await settled(t.as('facilitator'), `${imports}/${id}`)).status;
  };

  it('previews the new buyers under the names the import will give them, outside the territory’s départements', async () => {
    const { payload, headers } = multipartFile('decp.json', await readFile(join(FIXTURES, 'real-2019-flagged.json')));
    const imports = `/api/territories/${slug()}/imports`;
    const upload = await t.as('facilitator').request('POST', `${imports}/decp?includeOutside=true`, payload, headers);
    expect(upload.statusCode, upload.body).toBe(202);
    const preview = (await settled(t.as('facilitator'), `${imports}/${(upload.json() as ImportRecordDto).id}`)).decpPreview;
    // The names the next test reads after the import (the same resolution, from the published names and the official lists).
    expect(preview?.buyers.inside.list.map((b) => [b.siret, b.name]).sort()).toEqual([
      ['20006340200016', 'Commune d’Annecy'],
      ['77716902000016', 'CPAM HAUTES PYRENNEES'],
      ['83455372900015', 'Société de livraison des ouvrages olympiques (SOLIDEO)'],
    ]);
    // Taken with includeOutside: none is a member, none in territory A's départements.
    expect(preview?.buyers.inside).toMatchObject({ count: 3, members: 0, located: 0, new: 3 });
  });

  it('lists the names an import resolved, those to review first, with their published names and why', async () => {
    const { payload, headers } = multipartFile('decp.json', await readFile(join(FIXTURES, 'real-2019-flagged.json')));
    expect(await importFile(payload, headers)).toBe('done');
    const response = await list();
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json() as BuyerNamePage;
    const imported = page.items.filter((i) => ['83455372900015', '20006340200016', '77716902000016'].includes(i.siret));
    expect(imported.map((i) => [i.siret, i.name, i.kind, i.status, i.isToReview])).toEqual([
      ['83455372900015', 'Société de livraison des ouvrages olympiques (SOLIDEO)', 'other_public', 'legal_unit', true],
      ['77716902000016', 'CPAM HAUTES PYRENNEES', 'other_public', 'legal_unit', false],
      ['20006340200016', 'Commune d’Annecy', 'commune', 'unit_of_legal_unit', false],
    ]);
    const annecy = bySiret(page, '20006340200016');
    expect(annecy.publishedNames).toEqual([{ name: 'MAIRIE ANNECY BUDGET PRINCIPAL', count: 1 }]);
    expect(annecy.explanation).toContain(
      '« BUDGET PRINCIPAL » désigne le budget principal d’une unité légale, non une personne morale distincte.',
    );
    expect([page.toReview, page.byStatus.unit_of_legal_unit]).toEqual([1, 1]);
    const toReview = (await list('?toReview=true')).json() as BuyerNamePage;
    expect(toReview.items.map((i) => i.siret)).toEqual(['83455372900015']);
    expect(((await list('?q=annecy')).json() as BuyerNamePage).items.map((i) => i.siret)).toEqual(['20006340200016']);
  });

  it('confirms a repaired name, which leaves the review list and says who checked it', async () => {
    const solideo = bySiret((await list()).json() as BuyerNamePage, '83455372900015');
    const response = await t.as('facilitator').post(`/api/organizations/${solideo.organizationId}/name-review`, {});
    expect(response.statusCode, response.body).toBe(200);
    const confirmed = response.json() as BuyerNameDto;
    expect([confirmed.name, confirmed.isToReview]).toEqual(['Société de livraison des ouvrages olympiques (SOLIDEO)', false]);
    expect(confirmed.explanation.at(-1)).toMatch(/^Nom vérifié par .+ le \d{1,2} \S+ \d{4}\.$/);
    expect(((await list()).json() as BuyerNamePage).toReview).toBe(0);
  });

  it('corrects a name: the organisation bears it, and a later import keeps it', async () => {
    const cpam = bySiret((await list()).json() as BuyerNamePage, '77716902000016');
    const response = await t
      .as('facilitator')
      .post(`/api/organizations/${cpam.organizationId}/name-review`, { name: 'CPAM des Hautes-Pyrénées' });
    expect(response.statusCode, response.body).toBe(200);
    expect((response.json() as BuyerNameDto).explanation).toContain(
      'Nom saisi dans Mutualis conservé (« CPAM des Hautes-Pyrénées ») ; les sources donneraient « CPAM HAUTES PYRENNEES ».',
    );
    const { payload, headers } = multipartFile('decp.json', await readFile(join(FIXTURES, 'real-2019-flagged.json')));
    expect(await importFile(payload, headers)).toBe('done');
    const organization = await t.as('facilitator').get(`/api/organizations/${cpam.organizationId}`);
    expect(organization.json().name).toBe('CPAM des Hautes-Pyrénées');
  });

  it('refuses an empty name and an unknown filter, naming the field', async () => {
    const cpam = bySiret((await list()).json() as BuyerNamePage, '77716902000016');
    const empty = await t.as('facilitator').post(`/api/organizations/${cpam.organizationId}/name-review`, { name: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().details.issues.map((i: { field: string }) => i.field)).toEqual(['name']);
    const filter = await list('?toReview=peut-etre');
    expect(filter.statusCode).toBe(400);
    expect(filter.json().details.issues.map((i: { field: string }) => i.field)).toEqual(['toReview']);
  });

  it('keeps the list from members and the review from observers; another territory’s facilitator does not see the organisation', async () => {
    expect((await t.as('member').get(`/api/territories/${slug()}/buyer-names`)).statusCode).toBe(403);
    const cpam = bySiret((await list()).json() as BuyerNamePage, '77716902000016');
    expect((await t.as('observer').post(`/api/organizations/${cpam.organizationId}/name-review`, {})).statusCode).toBe(403);
    expect((await t.as('otherFacilitator').post(`/api/organizations/${cpam.organizationId}/name-review`, {})).statusCode).toBe(404);
  });
});
