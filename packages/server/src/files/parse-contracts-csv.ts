import { type ContractsParseResult, parseContractsTable, type ValidateContractRowOptions } from '@mutualis/core';
import { parseCsv } from './csv';

/** Reads a running-contracts CSV (`;` or `,`, UTF-8 with or without BOM); rows are numbered by file line. */
export function parseContractsCsv(text: string, options: ValidateContractRowOptions & { fileName: string }): ContractsParseResult {
  const [header, ...records] = parseCsv(text);
  if (!header) {
    return { rows: [], errors: [{ field: 'rows', file: options.fileName, row: 1, reason: 'Le fichier est vide.' }], rowCount: 0 };
  }
  return parseContractsTable(
    {
      fileName: options.fileName,
      headerRow: header.line,
      header: header.cells,
      rows: records.map((r) => ({ row: r.line, cells: r.cells })),
    },
    options.knownSirets ? { knownSirets: options.knownSirets } : {},
  );
}
