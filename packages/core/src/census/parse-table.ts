import { foldText } from '../cpv/cpv-catalog';
import type { FieldIssue } from '../errors/domain-error';
import { columnLetter } from './census-columns';
import type { CensusRowSource } from './census-row';

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

/** How one kind of table (census of needs, running contracts) is read. */
export interface TableKind<K extends string, V> {
  /** The column a header cell names, if any. */
  columnOf: (cell: string) => K | undefined;
  required: readonly K[];
  /** The header a column is expected under, for the French message when it is missing. */
  headerOf: (key: K) => string;
  validate: (cells: Partial<Record<K, string>>) => { ok: true; value: V } | { ok: false; issues: { key: K; reason: string }[] };
  /** Why a table without any data row is refused. */
  emptyReason: string;
}

export interface TableParseResult<K extends string, V> {
  rows: (V & { source: CensusRowSource })[];
  errors: FieldIssue[];
  /** Number of non-empty data rows read. */
  rowCount: number;
  /** Column letter of each column found in the header (none when a required column is missing). */
  columns?: Partial<Record<K, string>>;
}

/** "Prix unitaire HT (€)" and "prix unitaire ht" name the same column: compare without accents, case or parentheses. */
export function headerKey(text: string): string {
  return foldText(text.split('(')[0] ?? '')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** Validates every row of a table of this kind; errors name the file, sheet, row, column letter and a French reason. */
export function parseTable<K extends string, V>(table: CensusTable, kind: TableKind<K, V>): TableParseResult<K, V> {
  const positions = new Map<K, number>();
  table.header.forEach((cell, index) => {
    const key = kind.columnOf(cell);
    if (key && !positions.has(key)) positions.set(key, index);
  });
  const located = (issue: Omit<FieldIssue, 'file' | 'sheet'>): FieldIssue => ({
    ...issue,
    file: table.fileName,
    ...(table.sheet === undefined ? {} : { sheet: table.sheet }),
  });
  const missing = kind.required.filter((key) => !positions.has(key));
  if (missing.length > 0) {
    const errors = missing.map((key) =>
      located({ field: key, row: table.headerRow, reason: `Colonne obligatoire absente : « ${kind.headerOf(key)} ».` }),
    );
    return { rows: [], errors, rowCount: 0 };
  }
  const rows: (V & { source: CensusRowSource })[] = [];
  const errors: FieldIssue[] = [];
  let rowCount = 0;
  for (const { row, cells } of table.rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    rowCount += 1;
    const byKey = Object.fromEntries([...positions].map(([key, index]) => [key, cells[index] ?? ''])) as Partial<Record<K, string>>;
    const result = kind.validate(byKey);
    if (result.ok) {
      rows.push({ ...result.value, source: { file: table.fileName, ...(table.sheet === undefined ? {} : { sheet: table.sheet }), row } });
      continue;
    }
    for (const issue of result.issues) {
      const index = positions.get(issue.key);
      errors.push(located({ field: issue.key, row, column: index === undefined ? '' : columnLetter(index), reason: issue.reason }));
    }
  }
  if (rowCount === 0) errors.push(located({ field: 'rows', row: table.headerRow + 1, reason: kind.emptyReason }));
  const columns = Object.fromEntries([...positions].map(([key, index]) => [key, columnLetter(index)])) as Partial<Record<K, string>>;
  return { rows, errors, rowCount, columns };
}
