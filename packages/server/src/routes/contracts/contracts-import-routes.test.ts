import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { buildOrganization, buildRunningContract } from '../../../../db/test/dialects';
import { multipartFile } from '../../../test/census-files';
import { contractsCsv, contractsXlsx } from '../../../test/setup-helpers';
import { describeApp } from '../../../test/test-app';

describeApp('running contracts sheet import', (t) => {
  const upload = (
    organizationId: string,
    fileName: string,
    content: Buffer,
    accept?: 'all' | 'valid',
    persona: 'member' | 'facilitator' = 'member',
  ) => {
    const { payload, headers } = multipartFile(fileName, content);
    const query = accept ? `?accept=${accept}` : '';
    return t.as(persona).request('POST', `/api/organizations/${organizationId}/contracts/import${query}`, payload, headers);
  };

  it('checks a file first and reports each bad cell by sheet, row and column, storing nothing', async () => {
    const own = t.world.buyerA1.siret;
    const file = await contractsXlsx([
      { siret: own, reference: 'SEL-A' },
      { siret: own, reference: 'SEL-B', durationMonths: 'douze', startDate: '31/02/2025' },
      { siret: t.world.buyerA2.siret, reference: 'SEL-C' },
    ]);
    const checked = await upload(t.world.buyerA1.id, 'recensement.xlsx', file);
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json()).toMatchObject({ status: 'rejected', dryRun: true, rowCount: 3, valid: 1, stored: { created: 0, updated: 0 } });
    expect(
      checked.json().errors.map((e: { sheet: string; row: number; column: string; field: string }) => [e.sheet, e.row, e.column, e.field]),
    ).toEqual([
      ['Contrats en cours', 3, 'H', 'startDate'],
      ['Contrats en cours', 3, 'I', 'durationMonths'],
      ['Contrats en cours', 4, 'A', 'organizationSiret'],
    ]);
    expect(checked.json().errors[2].reason).toContain(`n’est pas celui de la ${t.world.buyerA1.name}`);
  });

  it('stores the valid rows when asked, and a second import of the same file changes nothing', async () => {
    const organization = await t.repos.organizations.insert(buildOrganization());
    await t.repos.memberships.add(t.world.territoryA.id, organization.id);
    const file = contractsCsv([
      { siret: organization.siret, reference: 'GANTS-24', amount: '12 000,50', nature: 'marché', renewalCount: '0', renewalMonths: '' },
      { siret: organization.siret, reference: 'PAP-25', noticeMonths: 'trois' },
    ]);
    const stored = await upload(organization.id, 'contrats.csv', file, 'valid', 'facilitator');
    expect(stored.json()).toMatchObject({ status: 'partial', stored: { created: 1, updated: 0 } });
    const [contract] = (await t.repos.runningContracts.list({ organizationId: organization.id })).items;
    expect(contract).toMatchObject({
      reference: 'GANTS-24',
      startDate: '2025-01-01',
      durationMonths: 12,
      renewalCount: 0,
      noticeMonths: 3,
      amountCents: 1_200_050,
      nature: 'marche',
      holderName: 'Salines de l’Est',
      source: 'manual',
    });
    const again = await upload(organization.id, 'contrats.csv', file, 'valid', 'facilitator');
    expect(again.json().stored).toEqual({ created: 0, updated: 1 });
    expect((await t.repos.runningContracts.list({ organizationId: organization.id })).total).toBe(1);
    const all = await upload(organization.id, 'contrats.csv', file, 'all', 'facilitator');
    expect(all.json()).toMatchObject({ status: 'rejected', stored: { created: 0, updated: 0 } });
  });

  /**
   * A DECP contract published with a placeholder amount (99,999,999 €: flagged, left out of the
   * proposed needs) is corrected by the buyer's sheet to 24,000 € over 12 months: the sheet's
   * import updates it (same reference) and the buyer's proposed need appears at once, at
   * 24,000 € × 12 / 12 = 2,400,000 cents a year, CPV 34927100 as the contract.
   */
  it('proposes the need of an imported DECP contract the sheet corrected', async () => {
    const organization = await t.repos.organizations.insert(buildOrganization());
    await t.repos.memberships.add(t.world.territoryA.id, organization.id);
    await t.repos.runningContracts.insert(
      buildRunningContract({
        organizationId: organization.id,
        reference: 'SEL-DECP',
        cpvCode: '34927100',
        durationMonths: 12,
        amountCents: 9_999_999_900,
        source: 'decp',
        decpId: `${organization.siret}|SEL-DECP`,
        decpFlags: [{ code: 'amount_sentinel', value: 9_999_999_900, published: '99 999 999' }],
      }),
    );
    const needs = () =>
      t.m.db
        .selectFrom('needs')
        .select(['cpv_code', 'annual_amount_cents'])
        .where('organization_id', '=', organization.id)
        .execute()
        .then((rows) => rows.map((n) => [n.cpv_code, Number(n.annual_amount_cents)]));
    expect(await needs()).toEqual([]);
    const file = contractsCsv([{ siret: organization.siret, reference: 'SEL-DECP', amount: '24 000', durationMonths: '12' }]);
    const stored = await upload(organization.id, 'contrats.csv', file, 'all', 'facilitator');
    expect(stored.json()).toMatchObject({ status: 'complete', stored: { created: 0, updated: 1 } });
    expect(await needs()).toEqual([['34927100', 2_400_000]]);
  });

  it('refuses a file that is neither a workbook nor a CSV, a workbook without the sheet, and another organization', async () => {
    const notAFile = await upload(t.world.buyerA1.id, 'contrats.pdf', Buffer.from('%PDF-1.4'));
    expect(notAFile.statusCode).toBe(400);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Autre').addRow(['Rien']);
    const noSheet = await upload(t.world.buyerA1.id, 'autre.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(noSheet.json().errors).toMatchObject([
      { field: 'sheet', reason: 'Le classeur ne contient pas de feuille « Contrats en cours ».' },
    ]);
    const other = await upload(t.world.buyerA2.id, 'contrats.csv', contractsCsv([{ siret: t.world.buyerA2.siret }]));
    expect(other.statusCode).toBe(403);
  });
});
