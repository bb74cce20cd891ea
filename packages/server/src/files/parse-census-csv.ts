import { type CensusParseResult, parseCensusTable } from '@mutualis/core';
import { parseCsv } from './csv';
import type { ParseCensusFileOptions } from './parse-census-xlsx';

/** Reads a census CSV (`;` or `,`, UTF-8 with or without BOM, decimal comma); rows are numbered by file line. */
export function parseCensusCsv(text: string, options: ParseCensusFileOptions): CensusParseResult {
  const [header, ...records] = parseCsv(text);
  if (!header) {
    return { rows: [], errors: [{ field: 'rows', file: options.fileName, row: 1, reason: 'Le fichier est vide.' }], rowCount: 0 };
  }
  return parseCensusTable(
    {
      fileName: options.fileName,
      headerRow: header.line,
      header: header.cells,
      rows: records.map((r) => ({ row: r.line, cells: r.cells })),
    },
    {
      ...(options.knownSirets ? { knownSirets: options.knownSirets } : {}),
      preferredDepartementCodes: options.preferredDepartementCodes ?? [],
    },
  );
}
