import type ExcelJS from 'exceljs';
export type ColumnFormat = 'text' | 'euro' | 'integer' | 'decimal' | 'date' | 'percent';
export interface TableColumn {
  header: string;
  width: number;
  format?: ColumnFormat;
}
/** Adds a sheet holding one table: bold wrapped header, frozen header row, autofilter, widths and number formats. */
export declare function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly TableColumn[],
  rows: readonly (readonly ExcelJS.CellValue[])[],
): ExcelJS.Worksheet;
/** Header look shared by every sheet Mutualis writes. */
export declare function styleHeaderRow(row: ExcelJS.Row): void;
/** Serialises a workbook to a Node buffer. */
export declare function workbookToBuffer(workbook: ExcelJS.Workbook): Promise<Buffer>;
/** Euros as a spreadsheet number from integer cents (display only; cents stay exact in the domain). */
export declare function centsToEuros(cents: number | null): number | null;
/** An ISO date as a spreadsheet date (UTC midnight, so the day never shifts). */
export declare function isoToDate(iso: string | null): Date | null;
