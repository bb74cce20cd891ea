import { type CensusParseResult, DomainError, parseCensusTable, type ValidateCensusRowOptions } from '@mutualis/core';
import ExcelJS from 'exceljs';
import { CENSUS_SHEET } from './census-template';
import { cellText } from './cell-text';

export interface ParseCensusFileOptions extends ValidateCensusRowOptions {
  /** Name of the uploaded file, repeated in every error. */
  fileName: string;
}

/**
 * Loads an uploaded census workbook (needs or running contracts sheet); throws `unreadable_file`
 * when the buffer is not an XLSX file.
 */
export async function loadCensusWorkbook(buffer: Buffer, fileName: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(buffer).buffer);
  } catch {
    throw new DomainError('unreadable_file', `Le fichier ${fileName} n’est pas un classeur Excel (.xlsx) lisible.`);
  }
  return workbook;
}

/** Reads the "Recensement" sheet of a census workbook; throws `unreadable_file` when the buffer is not an XLSX file. */
export async function parseCensusXlsx(buffer: Buffer, options: ParseCensusFileOptions): Promise<CensusParseResult> {
  const workbook = await loadCensusWorkbook(buffer, options.fileName);
  const sheet = workbook.getWorksheet(CENSUS_SHEET) ?? workbook.worksheets.find((ws) => looksLikeCensus(ws));
  if (!sheet) {
    const issue = { field: 'sheet', file: options.fileName, reason: `Le classeur ne contient pas de feuille « ${CENSUS_SHEET} ».` };
    return { rows: [], errors: [issue], rowCount: 0 };
  }
  const width = sheet.getRow(1).cellCount;
  const readRow = (row: ExcelJS.Row): string[] => Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
  const rows: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > 1) rows.push({ row: rowNumber, cells: readRow(row) });
  });
  return parseCensusTable(
    { fileName: options.fileName, sheet: sheet.name, headerRow: 1, header: readRow(sheet.getRow(1)), rows },
    {
      ...(options.knownSirets ? { knownSirets: options.knownSirets } : {}),
      preferredDepartementCodes: options.preferredDepartementCodes ?? [],
    },
  );
}

function looksLikeCensus(sheet: ExcelJS.Worksheet): boolean {
  const header = sheet.getRow(1).values;
  return Array.isArray(header) && header.some((v) => typeof v === 'string' && v.trim().toLowerCase() === 'code cpv');
}
