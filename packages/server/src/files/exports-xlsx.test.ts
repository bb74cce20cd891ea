import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText } from './cell-text';
import { exportGroupementXlsx } from './export-groupement-xlsx';
import { exportNeedsCsv, exportNeedsXlsx } from './export-needs';
import { exportOpportunitiesXlsx, type OpportunityExportRow } from './export-opportunities-xlsx';
import { parseCensusCsv } from './parse-census-csv';
import { buildNeed, buildRunningContract, CD67, HAGUENAU, STRASBOURG } from './test-builders';

const dir = mkdtempSync(join(tmpdir(), 'mutualis-exports-'));

async function readBack(buffer: Buffer, name: string): Promise<ExcelJS.Workbook> {
  const path = join(dir, name);
  writeFileSync(path, buffer);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

function values(sheet: ExcelJS.Worksheet | undefined, row: number): unknown[] {
  return (sheet?.getRow(row).values as unknown[] | undefined)?.slice(1) ?? [];
}

const needs = [
  buildNeed({ id: 'n1', organizationId: STRASBOURG.id }),
  buildNeed({
    id: 'n2',
    organizationId: CD67.id,
    cpvCode: '30197630',
    label: 'Papier A4',
    quantity: 2.5,
    unit: 'ream',
    unitPriceCents: 320,
    annualAmountCents: 800,
    csrRequirements: [],
    qualityRequirements: '',
    confidence: 'estimated',
    status: 'proposed',
  }),
];
const organizations = [STRASBOURG, CD67];

describe('exportNeedsXlsx', () => {
  it('writes one row per need, sorted by organization, in euros with a frozen, filtered header', async () => {
    const sheet = (await readBack(await exportNeedsXlsx({ needs, organizations }), 'besoins.xlsx')).getWorksheet('Besoins');
    expect(values(sheet, 1).slice(0, 3)).toEqual(['Organisation (SIRET)', 'Code CPV', 'Libellé']);
    expect(values(sheet, 2)).toEqual([
      CD67.siret,
      '30197630',
      'Papier A4',
      2.5,
      'ramette (500 feuilles)',
      undefined,
      3.2,
      8,
      '67482',
      undefined,
      undefined,
      'estimé',
      'Département du Bas-Rhin',
      'oui',
      'proposé',
    ]);
    expect(values(sheet, 3)[7]).toBe(11460);
    expect(sheet?.getCell('H3').numFmt).toBe('#,##0.00 "€"');
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.autoFilter).toBe('A1:O1');
    expect(sheet?.getColumn(3).width).toBe(36);
  });
});

describe('exportNeedsCsv', () => {
  it('writes a French CSV that imports back to the same needs', () => {
    const csv = exportNeedsCsv({ needs, organizations });
    expect(csv.startsWith('\uFEFFOrganisation (SIRET);Code CPV;')).toBe(true);
    expect(csv).toContain(`${CD67.siret};30197630;Papier A4;2,5;ramette (500 feuilles);;3,20;8,00;`);
    const parsed = parseCensusCsv(csv, { fileName: 'besoins.csv' });
    expect(parsed.errors).toEqual([]);
    expect(
      parsed.rows.map((r) => [r.organizationSiret, r.cpvCode, r.quantity, r.unitPriceCents, r.annualAmountCents, r.csrRequirements]),
    ).toEqual([
      [CD67.siret, '30197630', 2.5, 320, 800, []],
      [STRASBOURG.siret, '34927100', 120, 9550, 1146000, ['Sel d’origine France']],
    ]);
  });
});

describe('exportOpportunitiesXlsx', () => {
  it('writes each opportunity with amounts in euros and the start date as a date', async () => {
    const row: OpportunityExportRow = {
      familyName: 'Viabilité hivernale',
      cpvCodes: ['34927100', '34927000'],
      memberNames: ['Ville de Strasbourg', 'Département du Bas-Rhin'],
      annualAmountCents: 12_345_678,
      estimatedValueCents: 49_382_712,
      procedure: "Appel d'offres ouvert",
      startDate: '2026-10-01',
      savingsCents: { low: 100_000, central: 250_050, high: 400_000 },
      coordinatorName: 'Département du Bas-Rhin',
      withheldNote: null,
      savingsProvenance: 'Sel de déneigement : pas d’économie de prix attendue (au plus 0 %).',
    };
    const sheet = (await readBack(await exportOpportunitiesXlsx([row]), 'opportunites.xlsx')).getWorksheet('Opportunités');
    expect(values(sheet, 2)).toEqual([
      'Viabilité hivernale',
      '34927100, 34927000',
      2,
      'Ville de Strasbourg, Département du Bas-Rhin',
      123456.78,
      493827.12,
      "Appel d'offres ouvert",
      new Date('2026-10-01T00:00:00Z'),
      1000,
      2500.5,
      4000,
      'Département du Bas-Rhin',
      'Sel de déneigement : pas d’économie de prix attendue (au plus 0 %).',
    ]);
    expect(sheet?.getCell('E2').numFmt).toBe('#,##0.00 "€"');
    expect(sheet?.getCell('H2').numFmt).toBe('dd/mm/yyyy');
  });
});

describe('exportGroupementXlsx', () => {
  it('writes summary, members, needs per member, contracts and schedule sheets', async () => {
    const workbook = await readBack(
      await exportGroupementXlsx({
        groupement: { name: 'Sel 2026', mandateScope: 'procedure_signature', isPermanent: false, coordinatorIds: [CD67.id] },
        familyName: 'Viabilité hivernale',
        members: [CD67, STRASBOURG, HAGUENAU],
        needs,
        contracts: [buildRunningContract({ id: 'c1', organizationId: HAGUENAU.id })],
        // Σ of the needs' amounts: 1 146 000 + 800 cents.
        pooledAmountCents: 1_146_800,
        withheldNote: null,
        schedule: [
          { date: '2026-06-01', label: 'Lancement de la consultation' },
          { date: '2026-03-01', label: 'Délibération', organizationId: HAGUENAU.id },
        ],
      }),
      'groupement.xlsx',
    );
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Synthèse',
      'Membres',
      'Besoins par membre',
      'Contrats en cours',
      'Calendrier',
    ]);
    const summary = workbook.getWorksheet('Synthèse');
    expect(values(summary, 6)).toEqual(['Mandat du coordonnateur', 'Passation, signature et notification (chaque membre exécute sa part)']);
    expect(values(summary, 8)).toEqual(['Montant annuel HT mutualisé (€)', 11468]);
    expect(values(workbook.getWorksheet('Membres'), 2)).toEqual([CD67.name, CD67.siret, 'Département', '67482', 'oui', 8]);
    expect(values(workbook.getWorksheet('Membres'), 4)).toEqual([HAGUENAU.name, HAGUENAU.siret, 'Commune', '67180', 'non', 0]);
    expect(values(workbook.getWorksheet('Contrats en cours'), 2).slice(0, 8)).toEqual([
      HAGUENAU.name,
      '2023-015',
      'Fourniture de sel',
      '34927100',
      'Salines de l’Est SAS',
      new Date('2023-10-01T00:00:00Z'),
      12,
      '1/3 × 12 mois',
    ]);
    const schedule = workbook.getWorksheet('Calendrier');
    expect([2, 3].map((r) => cellText(schedule?.getCell(r, 2).value))).toEqual(['Délibération', 'Lancement de la consultation']);
    expect(cellText(schedule?.getCell(2, 3).value)).toBe(HAGUENAU.name);
  });
});
