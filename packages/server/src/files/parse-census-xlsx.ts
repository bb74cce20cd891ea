import { type CensusParseResult, parseCensusTable, type ValidateCensusRowOptions } from '@mutualis/core';
import { CENSUS_SHEET } from './census-template';
import { readXlsxSheets, type XlsxSheet } from './read-xlsx-sheets';

export interface ParseCensusFileOptions extends ValidateCensusRowOptions {
  /** Name of the uploaded file, repeated in every error. */
  fileName: string;
}

/** One sheet of an uploaded workbook as a table: its name, its header (row 1) and its other rows as wide as the header. */
export interface WorkbookTable {
  sheet: string;
  header: string[];
  rows: { row: number; cells: string[] }[];
}

/**
 * The sheet `sheetName` of an uploaded workbook (or the first whose header has a cell
 * `isHeaderCell` accepts) as a table, null when there is none. Read by the streaming reader after
 * the archive checks: throws `unreadable_file` when the buffer is not an XLSX file, and
 * `payload_too_large`/`validation_failed` when it unpacks too large or holds an oversized cell.
 */
export async function readWorkbookTable(
  buffer: Buffer,
  options: { fileName: string; sheetName: string; isHeaderCell: (normalisedCell: string) => boolean },
): Promise<WorkbookTable | null> {
  const sheets = await readXlsxSheets(buffer, options.fileName);
  const headerOf = (sheet: XlsxSheet) => sheet.rows.find((r) => r.row === 1)?.cells ?? [];
  const sheet =
    sheets.find((s) => s.name === options.sheetName) ??
    sheets.find((s) => headerOf(s).some((cell) => options.isHeaderCell(cell.trim().toLowerCase())));
  if (!sheet) return null;
  const header = headerOf(sheet);
  const fit = (cells: readonly string[]) => Array.from({ length: header.length }, (_, i) => cells[i] ?? '');
  return { sheet: sheet.name, header, rows: sheet.rows.filter((r) => r.row > 1).map((r) => ({ row: r.row, cells: fit(r.cells) })) };
}

/**
 * Reads the "Recensement" sheet of a census workbook (or the first sheet whose header has a
 * « Code CPV » column); errors as `readWorkbookTable`.
 */
export async function parseCensusXlsx(buffer: Buffer, options: ParseCensusFileOptions): Promise<CensusParseResult> {
  const table = await readWorkbookTable(buffer, {
    fileName: options.fileName,
    sheetName: CENSUS_SHEET,
    isHeaderCell: (cell) => cell === 'code cpv',
  });
  if (!table) {
    const issue = { field: 'sheet', file: options.fileName, reason: `Le classeur ne contient pas de feuille « ${CENSUS_SHEET} ».` };
    return { rows: [], errors: [issue], rowCount: 0 };
  }
  return parseCensusTable(
    { fileName: options.fileName, headerRow: 1, ...table },
    {
      ...(options.knownSirets ? { knownSirets: options.knownSirets } : {}),
      preferredDepartementCodes: options.preferredDepartementCodes ?? [],
    },
  );
}
