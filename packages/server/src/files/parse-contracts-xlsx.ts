import { CONTRACTS_SHEET, type ContractsParseResult, parseContractsTable, type ValidateContractRowOptions } from '@mutualis/core';
import { readWorkbookTable } from './parse-census-xlsx';

/**
 * Reads the « Contrats en cours » sheet of a census workbook (or the first sheet whose header has
 * « Référence du contrat »), with the checked, streaming workbook reading of the census import.
 */
export async function parseContractsXlsx(
  buffer: Buffer,
  options: ValidateContractRowOptions & { fileName: string },
): Promise<ContractsParseResult> {
  const table = await readWorkbookTable(buffer, {
    fileName: options.fileName,
    sheetName: CONTRACTS_SHEET,
    isHeaderCell: (cell) => cell.startsWith('référence du contrat'),
  });
  if (!table) {
    const issue = { field: 'sheet', file: options.fileName, reason: `Le classeur ne contient pas de feuille « ${CONTRACTS_SHEET} ».` };
    return { rows: [], errors: [issue], rowCount: 0 };
  }
  return parseContractsTable(
    { fileName: options.fileName, headerRow: 1, ...table },
    options.knownSirets ? { knownSirets: options.knownSirets } : {},
  );
}
