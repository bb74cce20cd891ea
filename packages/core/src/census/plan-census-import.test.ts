import { describe, expect, it } from 'vitest';
import { buildSiret } from '../identity/siret';
import { CENSUS_COLUMNS } from './census-columns';
import { type CensusTable, parseCensusTable } from './parse-census-table';
import { planCensusImport } from './plan-census-import';

const SIRET = buildSiret('21670482', '0001');
const header = CENSUS_COLUMNS.map((c) => c.header);

function buildTable(rows: string[][]): CensusTable {
  return {
    fileName: 'recensement.xlsx',
    sheet: 'Recensement',
    headerRow: 1,
    header,
    rows: rows.map((cells, i) => ({ row: i + 2, cells })),
  };
}

const good = [SIRET, '30197630', 'Papier A4', '200', 'ream', '', '3,20', '', '67482', '', '', 'estimé'];
const bad = [SIRET, '30197630', 'Papier A3', '10', 'ream', '', 'trois', '', '', '', '', ''];

describe('parseCensusTable', () => {
  it('locates a bad cell by file, sheet, row and column letter', () => {
    const parsed = parseCensusTable(buildTable([good, bad]));
    expect(parsed.rows.map((r) => r.source)).toEqual([{ file: 'recensement.xlsx', sheet: 'Recensement', row: 2 }]);
    expect(parsed.errors).toEqual([
      {
        field: 'unitPrice',
        file: 'recensement.xlsx',
        sheet: 'Recensement',
        row: 3,
        column: 'G',
        reason: 'Le prix unitaire : « trois » n’est pas un nombre (exemples acceptés : 1234,56 ou 1 234,56).',
      },
    ]);
  });

  it('reports missing mandatory columns on the header row', () => {
    const parsed = parseCensusTable({ ...buildTable([good]), header: ['Libellé', 'Quantité annuelle'] });
    expect(parsed.errors.map((e) => [e.row, e.reason])).toEqual([
      [1, 'Colonne obligatoire absente : « Organisation (SIRET) ».'],
      [1, 'Colonne obligatoire absente : « Code CPV ».'],
    ]);
  });

  it('finds columns whatever their order, case and accents', () => {
    const parsed = parseCensusTable({
      fileName: 'x.csv',
      headerRow: 1,
      header: ['libelle', 'MONTANT ANNUEL HT', 'code cpv', 'organisation'],
      rows: [{ row: 2, cells: ['Sel', '1 000', '34927100', SIRET] }],
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0]).toMatchObject({ label: 'Sel', annualAmountCents: 100000, source: { file: 'x.csv', row: 2 } });
  });

  it('skips blank rows and refuses a file with none left', () => {
    const parsed = parseCensusTable(buildTable([['', ' ']]));
    expect(parsed.rowCount).toBe(0);
    expect(parsed.errors.map((e) => e.reason)).toEqual(['Le fichier ne contient aucune ligne de besoin.']);
  });
});

describe('planCensusImport', () => {
  const parsed = parseCensusTable(buildTable([good, bad]));

  it('stores nothing from a file with errors unless the user accepts the valid rows', () => {
    const plan = planCensusImport(parsed, { acceptValidRows: false });
    expect(plan.status).toBe('rejected');
    expect(plan.toStore).toEqual([]);
    expect(plan.refused.map((r) => r.row)).toEqual([3]);
  });

  it('stores the valid rows once the user accepts them', () => {
    const plan = planCensusImport(parsed, { acceptValidRows: true });
    expect(plan.status).toBe('partial');
    expect(plan.toStore.map((r) => r.label)).toEqual(['Papier A4']);
  });

  it('stores everything from a valid file', () => {
    const plan = planCensusImport(parseCensusTable(buildTable([good])), { acceptValidRows: false });
    expect(plan).toMatchObject({ status: 'complete', refused: [] });
    expect(plan.toStore).toHaveLength(1);
  });
});
