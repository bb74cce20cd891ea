import { CONTRACT_COLUMNS } from '@mutualis/core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildCensusTemplate } from './census-template';

describe('the census workbook', () => {
  it('has a « Contrats en cours » sheet right after the census sheet, with its headers and drop-down lists', async () => {
    const content = await buildCensusTemplate({
      organizations: [{ siret: '21670482500019', name: 'Ville de Strasbourg' }],
      families: [],
      units: ['t'],
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(content).buffer);
    expect(workbook.worksheets.map((w) => w.name).slice(0, 3)).toEqual(['Instructions', 'Recensement', 'Contrats en cours']);
    const sheet = workbook.getWorksheet('Contrats en cours');
    if (!sheet) throw new Error('no contracts sheet');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(CONTRACT_COLUMNS.map((c) => c.header));
    expect(sheet.getCell('A2').dataValidation).toMatchObject({ type: 'list', formulae: ['Listes!$A$2:$A$2'] });
    expect(sheet.getCell('O2').dataValidation).toMatchObject({ type: 'list', formulae: ['"marché,accord-cadre"'] });
  });
});
