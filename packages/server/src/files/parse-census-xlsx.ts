import { type CensusParseResult, parseCensusTable, type ValidateCensusRowOptions } from '@mutualis/core';
import { CENSUS_SHEET } from './census-template';
import { readXlsxSheets, type XlsxSheet } from './read-xlsx-sheets';

export interface ParseCensusFileOptions extends ValidateCensusRowOptions {
  /** Name of the uploaded file, repeated in every error. */
  fileName: string;
}

/**
 * Reads the "Recensement" sheet of a census workbook (or the first sheet whose header has a
 * « Code CPV » column); throws `unreadable_file` when the buffer is not an XLSX file, and
 * `payload_too_large`/`validation_failed` when it unpacks too large or holds an oversized cell.
 */
export async function parseCensusXlsx(buffer: Buffer, options: ParseCensusFileOptions): Promise<CensusParseResult> {
  const sheets = await readXlsxSheets(buffer, options.fileName);
  const sheet = sheets.find((s) => s.name === CENSUS_SHEET) ?? sheets.find(looksLikeCensus);
  if (!sheet) {
    const issue = { field: 'sheet', file: options.fileName, reason: `Le classeur ne contient pas de feuille « ${CENSUS_SHEET} ».` };
    return { rows: [], errors: [issue], rowCount: 0 };
  }
  const header = sheet.rows.find((r) => r.row === 1)?.cells ?? [];
  const width = header.length;
  const fit = (cells: readonly string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? '');
  const rows = sheet.rows.filter((r) => r.row > 1).map((r) => ({ row: r.row, cells: fit(r.cells) }));
  return parseCensusTable(
    { fileName: options.fileName, sheet: sheet.name, headerRow: 1, header, rows },
    options.knownSirets ? { knownSirets: options.knownSirets } : {},
  );
}

function looksLikeCensus(sheet: XlsxSheet): boolean {
  const header = sheet.rows.find((r) => r.row === 1)?.cells ?? [];
  return header.some((cell) => cell.trim().toLowerCase() === 'code cpv');
}
