import { DomainError } from '@mutualis/core';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMULA_STRINGS, xlsxWithHugeCell, xmlEntry, zipOf } from '../../test/hostile-files';
import { cellText } from './cell-text';
import { XLSX_LIMITS } from './inspect-xlsx-archive';
import { readXlsxSheets } from './read-xlsx-sheets';

/** What exceljs's own (in-memory) reader shows: the reference the streaming reader must match. */
async function readWithExcelJs(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  return workbook.worksheets.map((sheet) => {
    const rows: { row: number; cells: string[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      const cells = Array.from(values, (value) => cellText(value as ExcelJS.CellValue));
      while (cells.length > 0 && cells.at(-1) === '') cells.pop();
      if (cells.length > 0) rows.push({ row: number, cells });
    });
    return { name: sheet.name, rows };
  });
}

const valueArb: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(...FORMULA_STRINGS, 'Sel de déneigement', '  espaces  ', 'ligne\nsuivante', '<b>&amp;</b>'),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
  fc.integer(),
  fc.boolean(),
  fc.date({ min: new Date('1901-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
  fc.constant(null),
  fc.constant<ExcelJS.CellValue>({ formula: 'A1*2', result: 42, date1904: false }),
  fc.constant<ExcelJS.CellValue>({ formula: '1/0', result: { error: '#DIV/0!' }, date1904: false }),
  fc.constant<ExcelJS.CellValue>({ formula: 'CONCAT("a";"b")', result: 'ab', date1904: false }),
  fc.constant<ExcelJS.CellValue>({ richText: [{ text: 'ri' }, { font: { bold: true }, text: 'che' }] }),
  fc.constant<ExcelJS.CellValue>({ text: 'un lien', hyperlink: 'https://example.org' }),
);

async function workbookOf(sheets: readonly (readonly (readonly ExcelJS.CellValue[])[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  sheets.forEach((rows, i) => {
    const sheet = workbook.addWorksheet(`Feuille ${i + 1}`);
    rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value !== null) sheet.getCell(r + 1, c + 1).value = value;
      });
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const trimmed = (sheets: Awaited<ReturnType<typeof readXlsxSheets>>) =>
  sheets.map((s) => ({
    name: s.name,
    rows: s.rows.flatMap((r) => {
      const cells = [...r.cells];
      while (cells.length > 0 && cells.at(-1) === '') cells.pop();
      return cells.length > 0 ? [{ row: r.row, cells }] : [];
    }),
  }));

describe('readXlsxSheets', () => {
  it('reads what exceljs reads, cell for cell, on workbooks of every kind of value', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.array(valueArb, { maxLength: 6 }), { maxLength: 6 }), { minLength: 1, maxLength: 3 }),
        async (sheets) => {
          const buffer = await workbookOf(sheets);
          expect(trimmed(await readXlsxSheets(buffer, 'classeur.xlsx'))).toEqual(await readWithExcelJs(buffer));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reads a workbook whose shared strings are the last file of the archive (exceljs’s streaming reader loses them)', async () => {
    const buffer = await xlsxWithHugeCell(12);
    expect(await readXlsxSheets(buffer, 'classeur.xlsx')).toEqual([{ name: 'Recensement', rows: [{ row: 1, cells: ['A'.repeat(12)] }] }]);
  });

  it('refuses the issue’s bomb — 440 KB holding one 450 MB cell — from its declared size, with 413', async () => {
    const bomb = await xlsxWithHugeCell(450_000_000);
    expect(bomb.length).toBeLessThan(500_000);
    const error = await readXlsxSheets(bomb, 'recensement.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'payload_too_large',
      message: 'Le classeur recensement.xlsx est trop volumineux.',
      details: {
        issues: [
          {
            field: 'file',
            file: 'recensement.xlsx',
            reason: 'Une fois décompressé, le classeur dépasse 64 Mo (au moins 429 Mo) : scindez-le.',
          },
        ],
      },
    });
  });

  it('refuses the same bomb when the archive lies about its size, stopping at the declared size', async () => {
    const bomb = await xlsxWithHugeCell(450_000_000, { declaredSize: 4_000 });
    await expect(readXlsxSheets(bomb, 'b.xlsx')).rejects.toMatchObject({
      code: 'unreadable_file',
      details: { issues: [{ reason: 'xl/sharedStrings.xml est plus grand que la taille annoncée par l’archive' }] },
    });
  });

  it('refuses a cell longer than Excel allows before parsing, naming the file', async () => {
    const workbook = await xlsxWithHugeCell(XLSX_LIMITS.maxTextBytes + 1);
    await expect(readXlsxSheets(workbook, 'c.xlsx')).rejects.toMatchObject({
      code: 'validation_failed',
      details: { issues: [{ field: 'file', file: 'c.xlsx', reason: expect.stringContaining('32 767 caractères') }] },
    });
    // One byte less: read whole.
    const [sheet] = await readXlsxSheets(await xlsxWithHugeCell(XLSX_LIMITS.maxTextBytes), 'c.xlsx');
    expect(sheet?.rows[0]?.cells[0]?.length).toBe(XLSX_LIMITS.maxTextBytes);
  });

  it('refuses bytes hidden between the listed files (a streaming reader would unpack them)', async () => {
    const hidden = zipOf([xmlEntry('a.xml', '<a/>')]).subarray(0, 40);
    const archive = zipOf([xmlEntry('[Content_Types].xml', '<Types/>'), xmlEntry('xl/workbook.xml', '<workbook/>')], { hidden });
    await expect(readXlsxSheets(archive, 'd.xlsx')).rejects.toMatchObject({
      code: 'unreadable_file',
      details: { issues: [{ reason: 'contenu de l’archive hors de son répertoire' }] },
    });
  });

  it('refuses an archive of more than 500 files', async () => {
    const entries = Array.from({ length: XLSX_LIMITS.maxEntries + 1 }, (_, i) => xmlEntry(`f${i}.xml`, '<a/>'));
    await expect(readXlsxSheets(zipOf(entries), 'e.xlsx')).rejects.toMatchObject({ code: 'unreadable_file' });
  });
});
