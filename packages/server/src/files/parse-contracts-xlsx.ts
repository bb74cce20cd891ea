import { CONTRACTS_SHEET, type ContractsParseResult, parseContractsTable, type ValidateContractRowOptions } from '@mutualis/core';
import type ExcelJS from 'exceljs';
import { cellText } from './cell-text';
import { loadCensusWorkbook } from './parse-census-xlsx';

/**
 * Reads the « Contrats en cours » sheet of a census workbook (or the first sheet whose header has
 * « Référence du contrat »), with the workbook loading of the census import.
 */
export async function parseContractsXlsx(
  buffer: Buffer,
  options: ValidateContractRowOptions & { fileName: string },
): Promise<ContractsParseResult> {
  const workbook = await loadCensusWorkbook(buffer, options.fileName);
  const sheet = workbook.getWorksheet(CONTRACTS_SHEET) ?? workbook.worksheets.find((ws) => looksLikeContracts(ws));
  if (!sheet) {
    const issue = { field: 'sheet', file: options.fileName, reason: `Le classeur ne contient pas de feuille « ${CONTRACTS_SHEET} ».` };
    return { rows: [], errors: [issue], rowCount: 0 };
  }
  const width = sheet.getRow(1).cellCount;
  const readRow = (row: ExcelJS.Row): string[] => Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
  const rows: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > 1) rows.push({ row: rowNumber, cells: readRow(row) });
  });
  return parseContractsTable(
    { fileName: options.fileName, sheet: sheet.name, headerRow: 1, header: readRow(sheet.getRow(1)), rows },
    options.knownSirets ? { knownSirets: options.knownSirets } : {},
  );
}

function looksLikeContracts(sheet: ExcelJS.Worksheet): boolean {
  const header = sheet.getRow(1).values;
  return Array.isArray(header) && header.some((v) => typeof v === 'string' && v.trim().toLowerCase().startsWith('référence du contrat'));
}
