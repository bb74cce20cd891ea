import type { FieldIssue } from '../errors/domain-error';
import { CENSUS_COLUMNS, type CensusColumnKey, REQUIRED_CENSUS_COLUMNS } from './census-columns';
import type { CensusRow } from './census-row';
import { type CensusTable, headerKey, parseTable } from './parse-table';
import { type ValidateCensusRowOptions, validateCensusRow } from './validate-census-row';

export type { CensusTable } from './parse-table';

export interface CensusParseResult {
  rows: CensusRow[];
  errors: FieldIssue[];
  /** Number of non-empty data rows read. */
  rowCount: number;
  /** Column letter of each census column found in the header. */
  columns?: Partial<Record<CensusColumnKey, string>>;
}

const COLUMN_BY_HEADER = new Map<string, CensusColumnKey>(CENSUS_COLUMNS.map((c) => [headerKey(c.header), c.key]));

/** Validates every row of a census table; errors name the file, sheet, row, column letter and a French reason. */
export function parseCensusTable(table: CensusTable, options: ValidateCensusRowOptions = {}): CensusParseResult {
  return parseTable(table, {
    columnOf: (cell) => COLUMN_BY_HEADER.get(headerKey(cell)),
    required: REQUIRED_CENSUS_COLUMNS,
    headerOf: (key) => CENSUS_COLUMNS.find((c) => c.key === key)?.header ?? key,
    validate: (cells) => validateCensusRow(cells, options),
    emptyReason: 'Le fichier ne contient aucune ligne de besoin.',
  });
}
