import type { CensusImportResult, ImportRecordDto } from '@mutualis/contract';
import { expect, it } from 'vitest';
import { buildOrganization } from '../../../../db/test/dialects';
import { censusCsv, censusXlsx, multipartFile } from '../../../test/census-files';
import { describeApp, type Persona } from '../../../test/test-app';
import { CENSUS_UPLOAD_LIMIT_BYTES } from './census-import-routes';
import { settled } from '../../../test/settled-import';

type ImportAnswer = CensusImportResult;

describeApp('census import route', (t) => {
  /** A fresh buyer of territory A, so each test counts its own needs. */
  const newBuyer = async () => {
    const organization = await t.repos.organizations.insert(buildOrganization());
    await t.repos.memberships.add(t.world.territoryA.id, organization.id);
    return organization;
  };
  const upload = (persona: Persona, organizationId: string, file: { name: string; content: Buffer }, accept?: string) => {
    const { payload, headers } = multipartFile(file.name, file.content);
    return t
      .as(persona)
      .request('POST', `/api/organizations/${organizationId}/needs/import${accept ? `?accept=${accept}` : ''}`, payload, headers);
  };
  const needsOf = async (organizationId: string) => (await t.repos.needs.list({ organizationId })).items;
  /** Uploads, then waits for the import job: its census check or result, and the import. */
  const imported = async (persona: Persona, organizationId: string, file: { name: string; content: Buffer }, accept?: string) => {
    const response = await upload(persona, organizationId, file, accept);
    expect(response.statusCode, response.body).toBe(202);
    const started = response.json() as ImportRecordDto;
    const record = await settled(t.as(persona), `/api/organizations/${organizationId}/imports/${started.id}`);
    return { record, result: record.censusResult as ImportAnswer };
  };
  const oneBadRow = (siret: string) => censusCsv([{ siret }, { siret, cpvCode: '12345678' }, { siret, label: 'Sel fin', quantity: '10' }]);

  it('checks a file without storing it when no accept mode is given, reporting each bad cell, then stores its valid rows once confirmed', async () => {
    const buyer = await newBuyer();
    const { record, result: body } = await imported('facilitator', buyer.id, { name: 'recensement.csv', content: oneBadRow(buyer.siret) });
    expect(record.status).toBe('previewed');
    expect(body).toMatchObject({ status: 'rejected', dryRun: true, rowCount: 3, valid: 2, stored: { created: 0, updated: 0 } });
    expect(body.errors).toEqual([{ sheet: null, row: 3, column: 'B', field: 'cpvCode', reason: expect.stringMatching(/CPV/) }]);
    expect(await needsOf(buyer.id)).toHaveLength(0);
    const confirmed = await t.as('facilitator').post(`/api/organizations/${buyer.id}/imports/${record.id}/confirm?accept=valid`);
    expect(confirmed.statusCode, confirmed.body).toBe(202);
    const done = await settled(t.as('facilitator'), `/api/organizations/${buyer.id}/imports/${record.id}`);
    expect([done.status, done.censusResult?.stored]).toEqual(['done', { created: 2, updated: 0 }]);
    expect(await needsOf(buyer.id)).toHaveLength(2);
  });

  it('stores nothing with accept=all when one row is bad', async () => {
    const buyer = await newBuyer();
    const { result } = await imported('facilitator', buyer.id, { name: 'recensement.csv', content: oneBadRow(buyer.siret) }, 'all');
    expect(result).toMatchObject({ status: 'rejected', dryRun: false, stored: { created: 0, updated: 0 } });
    expect(await needsOf(buyer.id)).toHaveLength(0);
  });

  it('stores exactly the valid rows with accept=valid, a second import of the same file changes nothing, and undoing each puts back what was', async () => {
    const buyer = await newBuyer();
    const file = { name: 'recensement.csv', content: oneBadRow(buyer.siret) };
    const first = await imported('facilitator', buyer.id, file, 'valid');
    expect(first.result).toMatchObject({ status: 'partial', valid: 2, stored: { created: 2, updated: 0 } });
    const stored = await needsOf(buyer.id);
    expect(stored.map((n) => [n.label, n.source, n.sourceRef, n.annualAmountCents]).sort()).toEqual([
      ['Sel de déneigement', 'spreadsheet', 'recensement.csv#!2', 1_146_000],
      ['Sel fin', 'spreadsheet', 'recensement.csv#!4', 95_500],
    ]);
    const again = await imported('facilitator', buyer.id, file, 'valid');
    expect(again.result).toMatchObject({ stored: { created: 0, updated: 2 } });
    expect((await needsOf(buyer.id)).map((n) => n.id).sort()).toEqual(stored.map((n) => n.id).sort());
    // The member's own edit of a need, then undoing the second import: its previous values come back.
    await t.repos.needs.update(stored[0]?.id ?? '', { label: 'Sel modifié' });
    const undo = (importId: string) => t.as('facilitator').post(`/api/organizations/${buyer.id}/imports/${importId}/undo`);
    expect((await undo(first.record.id)).statusCode).toBe(409); // a later import wrote for the same organization
    expect((await undo(again.record.id)).statusCode).toBe(202);
    expect((await settled(t.as('facilitator'), `/api/organizations/${buyer.id}/imports/${again.record.id}`)).undoResult).toMatchObject({
      needsRestored: 2,
    });
    expect((await needsOf(buyer.id)).map((n) => n.label).sort()).toEqual(['Sel de déneigement', 'Sel fin']);
    expect((await undo(first.record.id)).statusCode).toBe(202);
    expect((await settled(t.as('facilitator'), `/api/organizations/${buyer.id}/imports/${first.record.id}`)).undoResult).toMatchObject({
      needsRemoved: 2,
    });
    expect(await needsOf(buyer.id)).toHaveLength(0);
  });

  it('lets a member buyer import a valid workbook into its own organization', async () => {
    const content = await censusXlsx([{ siret: t.world.buyerA1.siret, label: 'Sel import XLSX' }]);
    const before = (await needsOf(t.world.buyerA1.id)).length;
    const { result } = await imported('member', t.world.buyerA1.id, { name: 'besoins.xlsx', content }, 'all');
    expect(result).toMatchObject({ status: 'complete', rowCount: 1, valid: 1, errors: [], stored: { created: 1 } });
    const needs = await needsOf(t.world.buyerA1.id);
    expect(needs).toHaveLength(before + 1);
    expect(needs.find((n) => n.label === 'Sel import XLSX')?.sourceRef).toBe('besoins.xlsx#Recensement!2');
  });

  it('refuses, on its cell, a row naming another organization', async () => {
    const { result: body } = await imported('member', t.world.buyerA1.id, {
      name: 'autre.csv',
      content: censusCsv([{ siret: t.world.buyerA2.siret }]),
    });
    expect(body.errors).toEqual([
      { sheet: null, row: 2, column: 'A', field: 'organizationSiret', reason: expect.stringContaining(t.world.buyerA1.name) },
    ]);
  });

  it('answers 413 for a file above the upload limit', async () => {
    const buyer = await newBuyer();
    const content = Buffer.alloc(CENSUS_UPLOAD_LIMIT_BYTES + 1, 0x41);
    const response = await upload('facilitator', buyer.id, { name: 'enorme.csv', content });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'payload_too_large' });
  });

  it('answers 400 unreadable_file for a file that is neither a workbook nor a CSV', async () => {
    const buyer = await newBuyer();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const response = await upload('facilitator', buyer.id, { name: 'photo.png', content: png });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'unreadable_file' });
  });

  it('answers 400 naming the file field when the request carries no file', async () => {
    const response = await t.as('facilitator').post(`/api/organizations/${t.world.buyerA1.id}/needs/import`, { file: 'x' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed', details: { issues: [{ field: 'file' }] } });
  });

  it.each([
    ['member', 'another organization', 403],
    ['supplier', 'a buyer', 403],
    ['otherFacilitator', 'a buyer of another territory', 404],
  ] as const)('refuses a %s uploading for %s', async (persona, _target, status) => {
    const target = persona === 'member' ? t.world.buyerA2 : t.world.buyerA1;
    const response = await upload(persona, target.id, { name: 'r.csv', content: censusCsv([{ siret: target.siret }]) }, 'all');
    expect(response.statusCode).toBe(status);
    expect(await needsOf(target.id)).not.toContainEqual(expect.objectContaining({ source: 'spreadsheet', sourceRef: 'r.csv#!2' }));
  });
});
