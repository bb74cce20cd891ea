import { foldText } from '../cpv/cpv-catalog';
import type { FieldIssue } from '../errors/domain-error';
import { CENSUS_COLUMNS, type CensusColumnKey, columnLetter, REQUIRED_CENSUS_COLUMNS } from './census-columns';
import type { CensusCells, CensusRow } from './census-row';
import { type ValidateCensusRowOptions, validateCensusRow } from './validate-census-row';

/** A census sheet or CSV file reduced to text: the header cells and the data rows with their numbers. */
export interface CensusTable {
  fileName: string;
  /** Sheet name for workbooks; absent for CSV. */
  sheet?: string;
  /** 1-based row (or line) number of the header. */
  headerRow: number;
  header: readonly string[];
  rows: readonly { row: number; cells: readonly string[] }[];
}

export interface CensusParseResult {
  rows: CensusRow[];
  errors: FieldIssue[];
  /** Number of non-empty data rows read. */
  rowCount: number;
  /** Column letter of each census column found in the header. */
  columns?: Partial<Record<CensusColumnKey, string>>;
}

/** "Prix unitaire HT (€)" and "prix unitaire ht" name the same column: compare without accents, case or parentheses. */
function headerKey(text: string): string {
  return foldText(text.split('(')[0] ?? '')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

const COLUMN_BY_HEADER = new Map<string, CensusColumnKey>(CENSUS_COLUMNS.map((c) => [headerKey(c.header), c.key]));

/** Validates every row of a census table; errors name the file, sheet, row, column letter and a French reason. */
export function parseCensusTable(table: CensusTable, options: ValidateCensusRowOptions = {}): CensusParseResult {
  const positions = new Map<CensusColumnKey, number>();
  table.header.forEach((cell, index) => {
    const key = COLUMN_BY_HEADER.get(headerKey(cell));
    if (key && !positions.has(key)) positions.set(key, index);
  });
  const located = (issue: Omit<FieldIssue, 'file' | 'sheet'>): FieldIssue => ({
    ...issue,
    file: table.fileName,
    ...(table.sheet === undefined ? {} : { sheet: table.sheet }),
  });
  const missing = REQUIRED_CENSUS_COLUMNS.filter((key) => !positions.has(key));
  if (missing.length > 0) {
    const errors = missing.map((key) =>
      located({ field: key, row: table.headerRow, reason: `Colonne obligatoire absente : « ${headerOf(key)} ».` }),
    );
    return { rows: [], errors, rowCount: 0 };
  }
  const rows: CensusRow[] = [];
  const errors: FieldIssue[] = [];
  let rowCount = 0;
  for (const { row, cells } of table.rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    rowCount += 1;
    const byKey: CensusCells = Object.fromEntries([...positions].map(([key, index]) => [key, cells[index] ?? '']));
    const result = validateCensusRow(byKey, options);
    if (result.ok) {
      rows.push({ ...result.value, source: { file: table.fileName, ...(table.sheet === undefined ? {} : { sheet: table.sheet }), row } });
      continue;
    }
    for (const issue of result.issues) {
      const index = positions.get(issue.key);
      errors.push(located({ field: issue.key, row, column: index === undefined ? '' : columnLetter(index), reason: issue.reason }));
    }
  }
  if (rowCount === 0)
    errors.push(located({ field: 'rows', row: table.headerRow + 1, reason: 'Le fichier ne contient aucune ligne de besoin.' }));
  const columns = Object.fromEntries([...positions].map(([key, index]) => [key, columnLetter(index)]));
  return { rows, errors, rowCount, columns };
}

function headerOf(key: CensusColumnKey): string {
  return CENSUS_COLUMNS.find((c) => c.key === key)?.header ?? key;
}
