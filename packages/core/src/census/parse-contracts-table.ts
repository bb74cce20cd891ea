import { foldText } from '../cpv/cpv-catalog';
import type { FieldIssue } from '../errors/domain-error';
import { columnLetter } from './census-columns';
import { CONTRACT_COLUMNS, type ContractColumnKey, REQUIRED_CONTRACT_COLUMNS } from './contract-columns';
import type { CensusRowSource } from './census-row';
import type { CensusTable } from './parse-census-table';
import { type ContractCells, type ContractRowValue, type ValidateContractRowOptions, validateContractRow } from './validate-contract-row';

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

/** "Durée initiale (mois)" and "duree initiale" name the same column: compare without accents, case or parentheses. */
function headerKey(text: string): string {
  return foldText(text.split('(')[0] ?? '')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
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
  const positions = new Map<ContractColumnKey, number>();
  table.header.forEach((cell, index) => {
    const key = columnOf(cell);
    if (key && !positions.has(key)) positions.set(key, index);
  });
  const located = (issue: Omit<FieldIssue, 'file' | 'sheet'>): FieldIssue => ({
    ...issue,
    file: table.fileName,
    ...(table.sheet === undefined ? {} : { sheet: table.sheet }),
  });
  const missing = REQUIRED_CONTRACT_COLUMNS.filter((key) => !positions.has(key));
  if (missing.length > 0) {
    const errors = missing.map((key) =>
      located({ field: key, row: table.headerRow, reason: `Colonne obligatoire absente : « ${headerOf(key)} ».` }),
    );
    return { rows: [], errors, rowCount: 0 };
  }
  const rows: ContractRow[] = [];
  const errors: FieldIssue[] = [];
  let rowCount = 0;
  for (const { row, cells } of table.rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    rowCount += 1;
    const byKey: ContractCells = Object.fromEntries([...positions].map(([key, index]) => [key, cells[index] ?? '']));
    const result = validateContractRow(byKey, options);
    if (result.ok) {
      rows.push({ ...result.value, source: { file: table.fileName, ...(table.sheet === undefined ? {} : { sheet: table.sheet }), row } });
      continue;
    }
    for (const issue of result.issues) {
      const index = positions.get(issue.key);
      errors.push(located({ field: issue.key, row, column: index === undefined ? '' : columnLetter(index), reason: issue.reason }));
    }
  }
  if (rowCount === 0) {
    errors.push(located({ field: 'rows', row: table.headerRow + 1, reason: 'La feuille ne contient aucune ligne de contrat.' }));
  }
  return { rows, errors, rowCount };
}

function headerOf(key: ContractColumnKey): string {
  return CONTRACT_COLUMNS.find((c) => c.key === key)?.header ?? key;
}
