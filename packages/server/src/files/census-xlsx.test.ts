import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSiret, CENSUS_COLUMNS, type CensusRowValue, DomainError, parseCensusTable, UNIT_CODES } from '@mutualis/core';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cellText } from './cell-text';
import { buildCensusTemplate, CENSUS_SHEET } from './census-template';
import { parseCensusCsv } from './parse-census-csv';
import { parseCensusXlsx } from './parse-census-xlsx';

const dir = mkdtempSync(join(tmpdir(), 'mutualis-census-'));
const CITY = { siret: buildSiret('21670482', '0001'), name: 'Ville de Strasbourg' };
const DEPARTEMENT = { siret: buildSiret('22670001', '0001'), name: 'Département du Bas-Rhin' };

function buildRowValue(overrides: Partial<CensusRowValue> = {}): CensusRowValue {
  return {
    organizationSiret: CITY.siret,
    cpvCode: '34927100',
    label: 'Sel de déneigement',
    quantity: 120.5,
    unit: 't',
    unitsPerPack: null,
    unitPriceCents: 9550,
    annualAmountCents: 1150775,
    amountIsDerived: true,
    deliveryCommunes: ['67482', '67218'],
    csrRequirements: ['Sel d’origine France', 'Livraison de nuit'],
    qualityRequirements: 'Granulométrie 0-5 mm',
    confidence: 'firm',
    ...overrides,
  };
}

/** How a user fills a row: numbers typed as numbers, lists as text, drop-down values "code – label". */
function toCells(v: CensusRowValue): ExcelJS.CellValue[] {
  return [
    `${v.organizationSiret} – ${v.organizationSiret === CITY.siret ? CITY.name : DEPARTEMENT.name}`,
    v.cpvCode,
    v.label,
    v.quantity,
    v.unit === null ? null : `${v.unit} – libellé`,
    v.unitsPerPack,
    v.unitPriceCents === null ? null : v.unitPriceCents / 100,
    v.amountIsDerived ? null : v.annualAmountCents / 100,
    v.deliveryCommunes.join(', '),
    v.csrRequirements.join('; '),
    v.qualityRequirements,
    { firm: 'ferme', estimated: 'estimé', indicative: 'indicatif' }[v.confidence],
  ];
}

async function readBack(buffer: Buffer, name: string): Promise<ExcelJS.Workbook> {
  const path = join(dir, name);
  writeFileSync(path, buffer);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

async function fillTemplate(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = await readBack(template, 'template-to-fill.xlsx');
  const sheet = workbook.getWorksheet(CENSUS_SHEET);
  rows.forEach((cells, i) => {
    cells.forEach((value, c) => {
      if (value !== null && sheet) sheet.getCell(i + 2, c + 1).value = value;
    });
  });
  const path = join(dir, 'filled.xlsx');
  await workbook.xlsx.writeFile(path);
  return readFileSync(path);
}

let template: Buffer;
let templateBook: ExcelJS.Workbook;
beforeAll(async () => {
  template = await buildCensusTemplate({
    organizations: [CITY, DEPARTEMENT],
    families: [{ name: 'Viabilité hivernale', cpvCodes: ['34927100'] }],
    units: UNIT_CODES,
  });
  templateBook = await readBack(template, 'template.xlsx');
});

describe('buildCensusTemplate', () => {
  it('writes the French headers, frozen and filtered, with drop-down lists', async () => {
    const workbook = templateBook;
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Instructions',
      'Recensement',
      'Contrats en cours',
      'Exemple',
      'Recherche CPV',
      'Listes',
    ]);
    const sheet = workbook.getWorksheet(CENSUS_SHEET);
    expect(sheet?.getRow(1).values).toEqual([undefined, ...CENSUS_COLUMNS.map((c) => c.header)]);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.autoFilter).toBe('A1:L1');
    expect(sheet?.getCell('E2').dataValidation).toMatchObject({ type: 'list', formulae: ['Listes!$C$2:$C$18'] });
    expect(sheet?.getCell('L500').dataValidation).toMatchObject({ type: 'list', formulae: ['Listes!$D$2:$D$4'] });
    expect(sheet?.getCell('A2').dataValidation).toMatchObject({ formulae: ['Listes!$A$2:$A$3'] });
    expect(sheet?.getCell('B2').dataValidation).toMatchObject({ formulae: ['Listes!$B$2:$B$2'] });
    expect(sheet?.getColumn(7).numFmt).toBe('#,##0.00 "€"');
    const lists = workbook.getWorksheet('Listes');
    expect(lists?.state).toBe('hidden');
    expect(cellText(lists?.getCell('A2').value)).toBe(`${CITY.siret} – Ville de Strasbourg`);
    expect(cellText(lists?.getCell('B2').value)).toBe('34927100 – Sel de déneigement (Viabilité hivernale)');
    expect(cellText(lists?.getCell('D3').value)).toBe('estimé');
  });

  it('lists all 9,454 CPV 2008 codes with French labels in the lookup sheet', async () => {
    const sheet = templateBook.getWorksheet('Recherche CPV');
    expect(sheet?.rowCount).toBe(9455);
    const salt = sheet?.getRows(2, 9454)?.find((r) => r.getCell(1).value === '34927100');
    expect(salt?.values).toEqual([undefined, '34927100', '34927100-2', 'Sel de déneigement', '34927000']);
  });

  it('ships example rows that pass the import checks and French instructions', async () => {
    const workbook = templateBook;
    const example = workbook.getWorksheet('Exemple');
    const rows = (example?.getRows(2, 3) ?? []).map((r) => ({
      row: r.number,
      cells: CENSUS_COLUMNS.map((_, i) => cellText(r.getCell(i + 1).value)),
    }));
    const parsed = parseCensusTable({
      fileName: 'modele.xlsx',
      sheet: 'Exemple',
      headerRow: 1,
      header: CENSUS_COLUMNS.map((c) => c.header),
      rows,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => r.annualAmountCents)).toEqual([1146000, 128000, 207000]);
    expect(cellText(workbook.getWorksheet('Instructions')?.getCell('A1').value)).toBe('Recensement des besoins — mode d’emploi');
  });
});

describe('parseCensusXlsx', () => {
  it('reads back exactly the rows filled into the template', async () => {
    const inputs = [
      buildRowValue(),
      buildRowValue({
        organizationSiret: DEPARTEMENT.siret,
        cpvCode: '33141420',
        label: 'Gants nitrile',
        quantity: 300,
        unit: 'box',
        unitsPerPack: 100,
        unitPriceCents: 690,
        annualAmountCents: 207050,
        amountIsDerived: false,
        deliveryCommunes: [],
        csrRequirements: [],
        qualityRequirements: '',
        confidence: 'indicative',
      }),
      buildRowValue({
        quantity: null,
        unit: null,
        unitPriceCents: null,
        annualAmountCents: 1234567,
        amountIsDerived: false,
        confidence: 'estimated',
      }),
    ];
    const parsed = await parseCensusXlsx(await fillTemplate(inputs.map(toCells)), { fileName: 'recensement.xlsx' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map(({ source: _source, ...value }) => value)).toEqual(inputs);
    expect(parsed.rows.map((r) => r.source)).toEqual([2, 3, 4].map((row) => ({ file: 'recensement.xlsx', sheet: 'Recensement', row })));
  });

  it('names the sheet, row, column and reason of each bad cell', async () => {
    const bad = toCells(buildRowValue());
    bad[1] = '12345678';
    bad[4] = 'brouette';
    bad[7] = 5000;
    const buffer = await fillTemplate([toCells(buildRowValue()), bad]);
    const parsed = await parseCensusXlsx(buffer, { fileName: 'recensement.xlsx' });
    const located = { file: 'recensement.xlsx', sheet: 'Recensement', row: 3 };
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.errors).toEqual([
      { ...located, field: 'cpvCode', column: 'B', reason: 'Le code CPV 12345678 n’existe pas dans la nomenclature CPV 2008.' },
      {
        ...located,
        field: 'unit',
        column: 'E',
        reason:
          'Unité inconnue « brouette » ; unités reconnues : unité, paire, boîte (de N unités), lot (de N unités), gramme, kilogramme, tonne, millilitre, litre, mètre cube, feuille, ramette (500 feuilles), mètre carré, kilomètre, heure, jour (8 h), forfait.',
      },
      {
        ...located,
        field: 'annualAmount',
        column: 'H',
        reason: 'Le montant annuel (5 000,00 €) diffère de quantité × prix unitaire (11 507,75 €) de plus de 1 €.',
      },
    ]);
  });

  it('flags an annual amount more than 1 € away from quantity × unit price', async () => {
    const row = toCells(buildRowValue());
    row[7] = 11509;
    const parsed = await parseCensusXlsx(await fillTemplate([row]), { fileName: 'r.xlsx' });
    expect(parsed.errors).toEqual([
      {
        file: 'r.xlsx',
        sheet: 'Recensement',
        row: 2,
        column: 'H',
        field: 'annualAmount',
        reason: 'Le montant annuel (11 509,00 €) diffère de quantité × prix unitaire (11 507,75 €) de plus de 1 €.',
      },
    ]);
  });

  it('refuses a file that is not a workbook', async () => {
    await expect(parseCensusXlsx(Buffer.from('pas un classeur'), { fileName: 'x.xlsx' })).rejects.toMatchObject({
      code: 'unreadable_file',
    });
    await expect(parseCensusXlsx(Buffer.from('x'), { fileName: 'x.xlsx' })).rejects.toBeInstanceOf(DomainError);
  });
});

describe('parseCensusCsv', () => {
  const header = CENSUS_COLUMNS.map((c) => c.header);

  it('reads a semicolon CSV with BOM, CRLF, quoted fields and decimal commas', () => {
    const lines = [
      header.join(';'),
      `${CITY.siret};34927100;"Sel ""gros"" de déneigement";1 204,5;t;;95,50;115 029,75;"67482, 67218";;;ferme`,
    ];
    const parsed = parseCensusCsv(`\uFEFF${lines.join('\r\n')}\r\n`, { fileName: 'recensement.csv' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({
      label: 'Sel "gros" de déneigement',
      quantity: 1204.5,
      unitPriceCents: 9550,
      annualAmountCents: 11502975,
      amountIsDerived: false,
      deliveryCommunes: ['67482', '67218'],
      source: { file: 'recensement.csv', row: 2 },
    });
  });

  it('reads a comma CSV without BOM and points errors at the file line and column', () => {
    const text = [
      `"${header.join('","')}"`,
      `${CITY.siret},34927100,Sel,10,t,,"9,5",,,,,`,
      `${CITY.siret},34927100,Sel,10,t,,abc,,,,,`,
    ].join('\n');
    const parsed = parseCensusCsv(text, { fileName: 'r.csv' });
    expect(parsed.rows.map((r) => r.annualAmountCents)).toEqual([9500]);
    expect(parsed.errors).toEqual([
      {
        file: 'r.csv',
        row: 3,
        column: 'G',
        field: 'unitPrice',
        reason: 'Le prix unitaire : « abc » n’est pas un nombre (exemples acceptés : 1234,56 ou 1 234,56).',
      },
    ]);
  });
});
