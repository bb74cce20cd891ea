import type { ImportRecordDto } from '@mutualis/contract';
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { buildNeed, buildOrganization } from '../../../../db/test/dialects';
import { multipartFile } from '../../../test/census-files';
import { settled } from '../../../test/settled-import';
import { describeApp } from '../../../test/test-app';

/**
 * The census template downloaded from the API, filled in as a buyer really fills it (French unit
 * names, commune names, a « 1/2 » Excel turned into a date, a date serial read as a quantity) and
 * sent back through the import route (issue 16 §5). The upload starts an import job: its check (or
 * result) is read once the job has ended.
 */

interface CellError {
  sheet: string | null;
  row: number | null;
  column: string;
  field: string;
  reason: string;
}
interface ImportAnswer {
  status: string;
  rowCount: number;
  valid: number;
  stored: { created: number; updated: number };
  errors: CellError[];
  toConfirm: CellError[];
  amountsConfirmed: boolean;
}

type Line = (string | number | Date | null)[];

const HEALTH_BOOKLETS = '22458000';

describeApp('census import of a template filled in French', (t) => {
  let template: Buffer;
  beforeAll(async () => {
    // The territory's known booklet needs (another buyer): 5,000 to 12,000 booklets at 1.10 to 1.30 €,
    // annual amounts 6,500 € to 13,200 € — the peers the amount check compares with.
    const peer = await t.repos.organizations.insert(buildOrganization());
    await t.repos.memberships.add(t.world.territoryA.id, peer.id);
    for (const [quantity, priceCents] of [
      [5_000, 130],
      [8_000, 120],
      [12_000, 110],
    ] as const) {
      const booklets = { cpvCode: HEALTH_BOOKLETS, label: 'Carnets de santé', unit: 'unit' as const, deliveryCommunes: [] };
      await t.repos.needs.insert(
        buildNeed({ organizationId: peer.id, ...booklets, quantity, unitPriceCents: priceCents, annualAmountCents: quantity * priceCents }),
      );
    }
    const response = await t.as('facilitator').get(`/api/territories/${t.world.territoryA.slug}/census/template.xlsx`);
    expect(response.statusCode).toBe(200);
    template = response.rawPayload;
  });

  const newBuyer = async () => {
    const organization = await t.repos.organizations.insert(buildOrganization());
    await t.repos.memberships.add(t.world.territoryA.id, organization.id);
    return organization;
  };

  /** Fills the « Recensement » sheet of the downloaded template, as Excel saves what the buyer typed. */
  const fill = async (lines: readonly Line[], dateCells: readonly string[] = []): Promise<Buffer> => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(template).buffer);
    const sheet = workbook.getWorksheet('Recensement');
    if (!sheet) throw new Error('the template has no Recensement sheet');
    lines.forEach((cells, i) => {
      cells.forEach((value, c) => {
        if (value !== null) sheet.getCell(i + 2, c + 1).value = value;
      });
    });
    // Typing « 1/2 » in a Standard cell, Excel stores a date and gives the cell a date format.
    for (const address of dateCells) sheet.getCell(address).numFmt = 'dd/mm/yyyy';
    return Buffer.from(await workbook.xlsx.writeBuffer());
  };

  const upload = (organizationId: string, content: Buffer, query = '') => {
    const { payload, headers } = multipartFile('recensement-rempli.xlsx', content);
    return t.as('facilitator').request('POST', `/api/organizations/${organizationId}/needs/import${query}`, payload, headers);
  };
  /** Uploads, waits for the import job, and answers the import with its census check or result. */
  const imported = async (organizationId: string, content: Buffer, query = '') => {
    const response = await upload(organizationId, content, query);
    expect(response.statusCode, response.body).toBe(202);
    const started = response.json() as ImportRecordDto;
    const record = await settled(t.as('facilitator'), `/api/organizations/${organizationId}/imports/${started.id}`);
    return { record, result: record.censusResult as ImportAnswer };
  };

  const line = (
    siret: string,
    cells: Partial<Record<'cpv' | 'label' | 'quantity' | 'unit' | 'perPack' | 'price' | 'communes', Line[number]>>,
  ): Line => [
    siret,
    cells.cpv ?? '34927100',
    cells.label ?? 'Sel de déneigement',
    cells.quantity ?? null,
    cells.unit ?? null,
    cells.perPack ?? null,
    cells.price ?? null,
    null,
    cells.communes ?? null,
    null,
    null,
    'ferme',
  ];

  it('reads French unit names and commune names, typed as a buyer types them', async () => {
    const buyer = await newBuyer();
    const content = await fill([
      line(buyer.siret, { quantity: 120, unit: 'tonnes', price: 95.5, communes: 'Strasbourg' }),
      line(buyer.siret, {
        cpv: '33141420',
        label: 'Gants nitrile',
        quantity: 300,
        unit: 'boîtes de 100',
        price: 6.9,
        communes: 'Mulhouse, Saint-Louis',
      }),
      line(buyer.siret, { cpv: '30197630', label: 'Papier A4', quantity: 400, unit: 'ramettes', price: 3.2, communes: 'st-louis (57)' }),
      line(buyer.siret, { cpv: '33631600', label: 'Gel hydroalcoolique', quantity: 50, unit: 'litres', price: 7 }),
      line(buyer.siret, { cpv: '18141000', label: 'Gants de travail', quantity: 200, unit: 'paires', price: 4.5 }),
      line(buyer.siret, { cpv: '90620000', label: 'Déneigement des cours', quantity: 1, unit: 'forfait', price: 2500 }),
    ]);
    const { result } = await imported(buyer.id, content, '?accept=all');
    expect(result).toMatchObject({ status: 'complete', rowCount: 6, valid: 6, errors: [], toConfirm: [], stored: { created: 6 } });
    const stored = (await t.repos.needs.list({ organizationId: buyer.id })).items;
    const byLabel = new Map(stored.map((n) => [n.label, n]));
    // Saint-Louis without a département is the one of the territory (68297), « st-louis (57) » the Moselle one (57618).
    expect(
      ['Sel de déneigement', 'Gants nitrile', 'Papier A4', 'Gel hydroalcoolique', 'Gants de travail', 'Déneigement des cours'].map(
        (label) => {
          const need = byLabel.get(label);
          return [label, need?.unit, need?.unitsPerPack, need?.deliveryCommunes, need?.annualAmountCents];
        },
      ),
    ).toEqual([
      ['Sel de déneigement', 't', null, ['67482'], 1_146_000], // 120 × 95,50 € = 11 460 €
      ['Gants nitrile', 'box', 100, ['68224', '68297'], 207_000], // 300 × 6,90 € = 2 070 €
      ['Papier A4', 'ream', null, ['57618'], 128_000], // 400 × 3,20 € = 1 280 €
      ['Gel hydroalcoolique', 'L', null, [], 35_000], // 50 × 7 € = 350 €
      ['Gants de travail', 'pair', null, [], 90_000], // 200 × 4,50 € = 900 €
      ['Déneigement des cours', 'lump_sum', null, [], 250_000],
    ]);
  });

  it('refuses a date in the quantity column and an ambiguous or unknown commune, on their cells', async () => {
    const buyer = await newBuyer();
    const content = await fill(
      [
        // « 1/2 » typed in the quantity cell: Excel stored the 1st of February 2027.
        line(buyer.siret, { quantity: new Date(Date.UTC(2027, 1, 1)), unit: 'tonnes', price: 95.5 }),
        line(buyer.siret, { quantity: 10, unit: 't', price: 95.5, communes: 'Sainte-Croix' }),
        line(buyer.siret, { quantity: 10, unit: 't', price: 95.5, communes: 'Niederbronn' }),
      ],
      ['D2'],
    );
    const { result: body } = await imported(buyer.id, content);
    expect(body).toMatchObject({ status: 'rejected', rowCount: 3, valid: 0, toConfirm: [] });
    expect(body.errors.map((e) => [e.row, e.column, e.field])).toEqual([
      [2, 'D', 'quantity'],
      [3, 'I', 'deliveryCommunes'],
      [4, 'I', 'deliveryCommunes'],
    ]);
    expect(body.errors[0]?.reason).toMatch(/^La quantité est une date \(01\/02\/2027\) : le tableur a converti la saisie en date/);
    expect(body.errors[1]?.reason).toMatch(/^« Sainte-Croix » désigne plusieurs communes : Sainte-Croix \(01, code 01342\)/);
    expect(body.errors[2]?.reason).toBe('Commune inconnue « Niederbronn » ; vouliez-vous dire Niederbronn-les-Bains (67, code 67324) ?');
    expect((await t.repos.needs.list({ organizationId: buyer.id })).items).toEqual([]);
  });

  it('withholds an implausible amount until the importer confirms it, then stores it as typed', async () => {
    const buyer = await newBuyer();
    // A date serial read as a quantity: 46 389 booklets at 1 234,56 € = 57 270 003,84 € a year
    // (46 389 × 1 234,56), against the territory's 6 500 € to 13 200 € for booklets.
    const content = await fill([
      line(buyer.siret, { cpv: HEALTH_BOOKLETS, label: 'Carnets de santé', quantity: 46_389, unit: 'exemplaires', price: 1234.56 }),
      line(buyer.siret, { cpv: HEALTH_BOOKLETS, label: 'Carnets de maternité', quantity: 6_000, unit: 'exemplaires', price: 1.25 }),
    ]);
    const { record: preview, result: checked } = await imported(buyer.id, content);
    expect(preview.status).toBe('previewed');
    // Every cell is valid, yet accept=all would store nothing until the amounts are confirmed.
    expect(checked).toMatchObject({ status: 'rejected', rowCount: 2, valid: 2, errors: [], amountsConfirmed: false });
    expect(checked.toConfirm.map((e) => [e.row, e.column, e.field])).toEqual([
      [2, 'H', 'annualAmount'],
      [2, 'G', 'unitPrice'],
    ]);
    const [amount, price] = checked.toConfirm.map((e) => e.reason.replace(/[\u202f\u00a0]/g, ' '));
    // 57 270 003,84 / 13 200 = 4 338,6 → « 4 339 fois »; 1 234,56 / 1,30 = 949,7 → « 950 fois ».
    expect(amount).toMatch(/^Montant annuel inhabituel : 57 270 003,84 €, soit 4 339 fois le plus gros besoin de la famille/);
    // The peers: the territory's three booklet needs and the file's other row (6 000 × 1,25 € = 7 500 €).
    expect(amount).toContain('(4 besoins de 6 500,00 € à 13 200,00 €)');
    // Serial 46 389 is 30 December 1899 + 46 389 days = 2 January 2027.
    expect(amount).toContain('La quantité 46 389 est aussi le numéro du 2 janvier 2027 dans un tableur');
    expect(price).toMatch(/^Prix unitaire inhabituel : 1 234,56 € par unité, soit 950 fois le prix le plus élevé/);

    const { result: unconfirmed } = await imported(buyer.id, content, '?accept=all');
    expect(unconfirmed).toMatchObject({ status: 'rejected', stored: { created: 0, updated: 0 } });
    const { result: validOnly } = await imported(buyer.id, content, '?accept=valid');
    expect(validOnly).toMatchObject({ status: 'partial', stored: { created: 1, updated: 0 } });
    expect((await t.repos.needs.list({ organizationId: buyer.id })).items.map((n) => n.label)).toEqual(['Carnets de maternité']);

    // The first check confirmed, amounts included: the booklets created, the maternity booklets (same row) updated.
    const confirming = await t
      .as('facilitator')
      .post(`/api/organizations/${buyer.id}/imports/${preview.id}/confirm?accept=all&confirmAmounts=true`);
    expect(confirming.statusCode, confirming.body).toBe(202);
    const done = await settled(t.as('facilitator'), `/api/organizations/${buyer.id}/imports/${preview.id}`);
    expect(done.status).toBe('done');
    expect(done.censusResult).toMatchObject({ status: 'complete', amountsConfirmed: true, stored: { created: 1, updated: 1 } });
    const booklets = (await t.repos.needs.list({ organizationId: buyer.id })).items.find((n) => n.label === 'Carnets de santé');
    expect(booklets?.annualAmountCents).toBe(5_727_000_384);
  });

  it('refuses a confirmation flag that is not true or false', async () => {
    const buyer = await newBuyer();
    const content = await fill([line(buyer.siret, { quantity: 10, unit: 't', price: 95.5 })]);
    const response = await upload(buyer.id, content, '?confirmAmounts=oui');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed' });
  });
});
