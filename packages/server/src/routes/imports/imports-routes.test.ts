import { tmpdir } from 'node:os';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImportRecordDto } from '@mutualis/contract';
import { expect, it } from 'vitest';
import { buildUser } from '../../../../db/test/dialects';
import { multipartFile } from '../../../test/census-files';
import { hashPassword } from '../../auth/password';
import { settled } from '../../../test/settled-import';
import { clientFor, describeApp, logIn, type Persona, TEST_PASSWORD } from '../../../test/test-app';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/decp');
describeApp('DECP import routes', (t) => {
  let importedId = '';
  const base = () => `/api/territories/${t.world.territoryA.slug}/imports`;
  const upload = (persona: Persona, fileName: string, content: Buffer, query = '?includeOutside=true') => {
    const { payload, headers } = multipartFile(fileName, content);
    return t.as(persona).request('POST', `${base()}/decp${query}`, payload, headers);
  };

  it('answers an upload at once with the import being previewed, then its preview, and imports it once confirmed', async () => {
    const content = await readFile(join(FIXTURES, 'corrupted-2019.json'));
    const response = await upload('facilitator', 'decp-2019.json', content);
    expect(response.statusCode, response.body).toBe(202);
    const started = response.json() as ImportRecordDto;
    expect([started.kind, started.status, started.fileNames]).toEqual(['decp', 'previewing', ['decp-2019.json']]);
    expect(started.actor).toContain(t.world.emails.facilitator);
    const previewed = await settled(t.as('facilitator'), `${base()}/${started.id}`);
    expect(previewed.status).toBe('previewed');
    // corrupted-2019.json: 4 records, record 1 invalid JSON; record 2's buyer SIRET fails its Luhn key: kept, flagged.
    expect(previewed.decpPreview).toMatchObject({ read: 4, rejected: 1, contracts: { new: 3, updated: 0, unchanged: 0, flagged: 1 } });
    expect(previewed.decpPreview?.contracts.flaggedByCode).toEqual({ buyer_id_invalid: 1 });
    expect(previewed.decpPreview?.rejectedByKind).toEqual({ unreadable: 1, test: 0, concession: 0, no_buyer: 0 });
    expect(previewed.decpPreview?.rejections.map((r) => [r.file, r.record, r.field])).toEqual([['decp-2019.json', 1, '*']]);

    const confirmed = await t.as('facilitator').post(`${base()}/${started.id}/confirm`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(202);
    const done = await settled(t.as('facilitator'), `${base()}/${started.id}`);
    expect(done.status).toBe('done');
    expect(done.decpResult).toMatchObject({ read: 4, imported: 3, updated: 0, duplicates: 0, rejected: 1, flagged: 1 });
    expect(done.decpResult?.flaggedByCode).toEqual({ buyer_id_invalid: 1 });
    expect(done.decpResult?.rejectedByKind).toEqual({ unreadable: 1, test: 0, concession: 0, no_buyer: 0 });
    expect(done.decpResult?.proposedNeeds.created).toBeGreaterThan(0);

    const history = await t.as('facilitator').get(base());
    expect(history.statusCode, history.body).toBe(200);
    expect((history.json() as { items: ImportRecordDto[] }).items[0]?.id).toBe(started.id);
    importedId = started.id;
  });

  it('lets the facilitator confirm and the owning member reject needs proposed from the DECP', async () => {
    const proposed = await t.repos.needs.list({ territoryId: t.world.territoryA.id, status: 'proposed' });
    const [first, second] = proposed.items;
    if (!first || !second) throw new Error('the DECP import proposed fewer than two needs');
    const confirmed = await t.as('facilitator').post(`/api/needs/${first.id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((await t.repos.needs.getById(first.id))?.status).toBe('confirmed');
    const owner = await t.repos.users.insert(buildUser({ passwordHash: await hashPassword(TEST_PASSWORD) }));
    await t.repos.users.addRole({
      userId: owner.id,
      role: 'member',
      territoryId: t.world.territoryA.id,
      organizationId: second.organizationId,
    });
    const cookie = await logIn(t.app, owner.email);
    const asOwner = clientFor(
      () => t.app,
      () => cookie,
    );
    expect((await asOwner.post(`/api/needs/${second.id}/reject`)).statusCode).toBe(200);
    expect((await t.repos.needs.getById(second.id))?.status).toBe('rejected');
    expect((await asOwner.post(`/api/needs/${first.id}/reject`)).statusCode).toBe(403);
    expect((await t.as('facilitator').post(`/api/needs/${second.id}/confirm`)).statusCode).toBe(409);
  });

  it('undoes a finished import: its contracts go, the needs its buyers confirmed stay', async () => {
    const response = await t.as('facilitator').post(`${base()}/${importedId}/undo`);
    expect(response.statusCode, response.body).toBe(202);
    const undone = await settled(t.as('facilitator'), `${base()}/${importedId}`);
    expect(undone.status).toBe('undone');
    expect(undone.undoResult?.contractsRemoved).toBe(3);
    expect((await t.repos.needs.list({ territoryId: t.world.territoryA.id, status: 'proposed' })).total).toBe(0);
    expect((await t.as('facilitator').post(`${base()}/${importedId}/undo`)).statusCode).toBe(409);
  });

  it('answers 400 for a file that is not JSON, XML or CSV, and for a bad département code', async () => {
    const pdf = await upload('facilitator', 'decp.pdf', Buffer.from('%PDF-1.7'));
    expect([pdf.statusCode, pdf.json().code]).toEqual([400, 'unreadable_file']);
    const bad = await upload('facilitator', 'vide.json', Buffer.from('{"marches":[]}'), '?departements=67,XY');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'validation_failed']);
  });

  it('names the uploaded file, never the server’s temporary path, when the file proves unreadable', async () => {
    const response = await upload('facilitator', 'releve.json', Buffer.from('{"donnees": []}'));
    expect(response.statusCode, response.body).toBe(202);
    const failed = await settled(t.as('facilitator'), `${base()}/${(response.json() as ImportRecordDto).id}`);
    expect([failed.status, failed.error]).toEqual([
      'failed',
      'Fichier DECP releve.json illisible : aucune liste « marches » ni « marches.marche » trouvée',
    ]);
    const body = JSON.stringify(failed);
    expect(body).not.toContain(tmpdir());
    expect(body).not.toContain('mutualis-imports');
  });

  it('rejects one record repeating <titulaire> 100,000 times (13 MB) with the reason, and reads the records around it', async () => {
    const holder =
      '<titulaire><typeIdentifiant>SIRET</typeIdentifiant><id>21670482500019</id><denominationSociale>E</denominationSociale></titulaire>';
    const hostile = `<marche><id>hostile</id><titulaires>${holder.repeat(100_000)}</titulaires></marche>`;
    const xml = Buffer.from(`<?xml version="1.0"?><marches>${hostile}<marche><id>après</id></marche></marches>`);
    expect(xml.length).toBeGreaterThan(12_000_000);
    const response = await upload('facilitator', 'hostile.xml', xml);
    expect(response.statusCode, response.body).toBe(202);
    const previewed = await settled(t.as('facilitator'), `${base()}/${(response.json() as ImportRecordDto).id}`);
    expect(previewed.status).toBe('previewed');
    const preview = previewed.decpPreview;
    expect(preview?.read).toBe(2);
    expect(preview?.rejections[0]).toEqual({
      file: 'hostile.xml',
      record: 0,
      field: '*',
      reason: 'enregistrement refusé : l’élément <titulaire> est répété plus de 1\u202f000 fois',
    });
    // The second record is read, whatever its own verdict (it lacks the required fields).
    expect(preview?.rejections.map((r) => r.record)).toContain(1);
  });

  it.each([
    ['member', 403],
    ['observer', 403],
    ['otherFacilitator', 404],
  ] as const)('refuses an upload, the history and an undo to the %s', async (persona, status) => {
    expect((await upload(persona, 'vide.json', Buffer.from('{"marches":[]}'))).statusCode).toBe(status);
    expect((await t.as(persona).get(base())).statusCode).toBe(status);
    expect((await t.as(persona).post(`${base()}/${importedId}/undo`)).statusCode).toBe(status);
  });
});
