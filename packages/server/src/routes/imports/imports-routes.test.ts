import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { DecpImportSummary } from '@mutualis/contract';
import { expect, it } from 'vitest';
import { multipartFile } from '../../../test/census-files';
import { buildUser } from '../../../../db/test/dialects';
import { hashPassword } from '../../auth/password';
import { clientFor, describeApp, logIn, type Persona, TEST_PASSWORD } from '../../../test/test-app';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/decp');

describeApp('DECP upload route', (t) => {
  const upload = (persona: Persona, fileName: string, content: Buffer) => {
    const { payload, headers } = multipartFile(fileName, content);
    return t.as(persona).request('POST', `/api/territories/${t.world.territoryA.slug}/imports/decp`, payload, headers);
  };

  it('imports a DECP file and answers the summary: rejected records with file, index, field and reason, flagged records counted', async () => {
    const content = await readFile(join(FIXTURES, 'corrupted-2019.json'));
    const response = await upload('facilitator', 'decp-2019.json', content);
    expect(response.statusCode, response.body).toBe(200);
    const summary = response.json() as DecpImportSummary;
    // Record 1 is unreadable JSON; record 2's buyer SIRET fails its Luhn key: kept, flagged.
    expect(summary).toMatchObject({ read: 4, imported: 3, updated: 0, duplicates: 0, rejected: 1, flagged: 1, rejectionsTruncated: false });
    expect(summary.rejectedByKind).toEqual({ unreadable: 1, test: 0, concession: 0, no_buyer: 0 });
    expect(summary.rejections.map((r) => [r.file, r.record, r.field])).toEqual([['decp-2019.json', 1, '*']]);
    expect(summary.proposedNeeds.created).toBeGreaterThan(0);
  });

  it('lets the facilitator confirm and the owning member reject needs proposed from the DECP', async () => {
    const proposed = await t.repos.needs.list({ territoryId: t.world.territoryA.id, status: 'proposed' });
    const [first, second] = proposed.items;
    if (!first || !second) throw new Error('the DECP upload proposed fewer than two needs');
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

  it('answers 400 unreadable_file for a file that is not JSON or XML', async () => {
    const response = await upload('facilitator', 'decp.pdf', Buffer.from('%PDF-1.7'));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'unreadable_file' });
  });

  it('names the uploaded file, never the server’s temporary path, when the file is unreadable', async () => {
    const response = await upload('facilitator', 'releve.json', Buffer.from('{"donnees": []}'));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'unreadable_file',
      message: 'Fichier DECP releve.json illisible : aucune liste « marches » ni « marches.marche » trouvée',
      details: { issues: [{ field: 'file', file: 'releve.json' }] },
    });
    expect(response.body).not.toContain(tmpdir());
    expect(response.body).not.toContain('mutualis-upload-');
  });

  it('rejects one record repeating <titulaire> 100,000 times (13 MB) with the reason, and imports the records around it', async () => {
    const holder =
      '<titulaire><typeIdentifiant>SIRET</typeIdentifiant><id>21670482500019</id><denominationSociale>E</denominationSociale></titulaire>';
    const hostile = `<marche><id>hostile</id><titulaires>${holder.repeat(100_000)}</titulaires></marche>`;
    const xml = Buffer.from(`<?xml version="1.0"?><marches>${hostile}<marche><id>après</id></marche></marches>`);
    expect(xml.length).toBeGreaterThan(12_000_000);
    const response = await upload('facilitator', 'hostile.xml', xml);
    expect(response.statusCode, response.body).toBe(200);
    const summary = response.json() as DecpImportSummary;
    expect(summary.read).toBe(2);
    expect(summary.rejections[0]).toEqual({
      file: 'hostile.xml',
      record: 0,
      field: '*',
      reason: 'enregistrement refusé : l’élément <titulaire> est répété plus de 1\u202f000 fois',
    });
    // The second record is read, whatever its own verdict (it lacks the required fields).
    expect(summary.rejections.map((r) => r.record)).toContain(1);
  });

  it.each([
    ['member', 403],
    ['observer', 403],
    ['otherFacilitator', 404],
  ] as const)('refuses an upload by the %s', async (persona, status) => {
    const response = await upload(persona, 'vide.json', Buffer.from('{"marches":[]}'));
    expect(response.statusCode).toBe(status);
  });
});
