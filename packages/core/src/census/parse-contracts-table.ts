import { foldText } from '../cpv/cpv-catalog';
import type { FieldIssue } from '../errors/domain-error';
import type { CensusRowSource } from './census-row';
import { CONTRACT_COLUMNS, type ContractColumnKey, REQUIRED_CONTRACT_COLUMNS } from './contract-columns';
import { type CensusTable, headerKey, parseTable } from './parse-table';
import { type ContractRowValue, type ValidateContractRowOptions, validateContractRow } from './validate-contract-row';

/** A valid running-contract row with its location in the file. */
export interface ContractRow extends ContractRowValue {
  source: CensusRowSource;
}

export interface ContractsParseResult {
  rows: ContractRow[];
  errors: FieldIssue[];
  /** Number of non-empty data rows read. */
  rowCount: number;
}

const COLUMN_BY_HEADER = new Map<string, ContractColumnKey>(CONTRACT_COLUMNS.map((c) => [headerKey(c.header), c.key]));
// "Titulaire (SIRET)" and "Titulaire (nom)" share their text before the parenthesis.
COLUMN_BY_HEADER.delete(headerKey('Titulaire'));
const EXACT_HEADERS = new Map<string, ContractColumnKey>(CONTRACT_COLUMNS.map((c) => [foldText(c.header).replace(/[’']/g, "'"), c.key]));

function columnOf(cell: string): ContractColumnKey | undefined {
  return EXACT_HEADERS.get(foldText(cell.trim()).replace(/[’']/g, "'")) ?? COLUMN_BY_HEADER.get(headerKey(cell));
}

/**
 * Validates every row of a running-contracts sheet (or CSV file); errors name the file, sheet,
 * row, column letter and a French reason, as for the census of needs.
 */
export function parseContractsTable(table: CensusTable, options: ValidateContractRowOptions = {}): ContractsParseResult {
  const { rows, errors, rowCount } = parseTable(table, {
    columnOf,
    required: REQUIRED_CONTRACT_COLUMNS,
    headerOf: (key) => CONTRACT_COLUMNS.find((c) => c.key === key)?.header ?? key,
    validate: (cells) => validateContractRow(cells, options),
    emptyReason: 'La feuille ne contient aucune ligne de contrat.',
  });
  return { rows, errors, rowCount };
}
