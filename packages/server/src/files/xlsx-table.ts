import type ExcelJS from 'exceljs';

export type ColumnFormat = 'text' | 'euro' | 'integer' | 'decimal' | 'date' | 'percent';

export interface TableColumn {
  header: string;
  width: number;
  format?: ColumnFormat;
}

/** Excel localises the separators: French Excel shows 1 234,56 €. */
const NUMBER_FORMATS: Record<ColumnFormat, string | undefined> = {
  text: '@',
  euro: '#,##0.00 "€"',
  integer: '#,##0',
  decimal: '#,##0.###',
  date: 'dd/mm/yyyy',
  percent: '0 %',
};

/** Adds a sheet holding one table: bold wrapped header, frozen header row, autofilter, widths and number formats. */
export function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly TableColumn[],
  rows: readonly (readonly ExcelJS.CellValue[])[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, style: formatStyle(c.format) }));
  styleHeaderRow(sheet.getRow(1));
  for (const row of rows) sheet.addRow([...row]);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

function formatStyle(format: ColumnFormat | undefined): Partial<ExcelJS.Style> {
  const numFmt = NUMBER_FORMATS[format ?? 'text'];
  return numFmt === undefined || format === undefined || format === 'text' ? {} : { numFmt };
}

/** Header look shared by every sheet Mutualis writes. */
export function styleHeaderRow(row: ExcelJS.Row): void {
  row.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.height = 32;
}

/** Serialises a workbook to a Node buffer. */
export async function workbookToBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data);
}

/** Euros as a spreadsheet number from integer cents (display only; cents stay exact in the domain). */
export function centsToEuros(cents: number | null): number | null {
  return cents === null ? null : cents / 100;
}

/** An ISO date as a spreadsheet date (UTC midnight, so the day never shifts). */
export function isoToDate(iso: string | null): Date | null {
  return iso === null ? null : new Date(`${iso}T00:00:00Z`);
}
