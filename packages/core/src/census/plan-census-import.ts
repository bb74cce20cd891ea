import type { FieldIssue } from '../errors/domain-error';
import type { CensusRow } from './census-row';
import type { CensusParseResult } from './parse-census-table';

export interface PlanCensusImportOptions {
  /** The user explicitly chose to import the valid rows and leave the invalid ones out. */
  acceptValidRows: boolean;
}

export interface RefusedCensusRow {
  row: number;
  sheet?: string;
  issues: FieldIssue[];
}

export type CensusImportStatus = 'complete' | 'partial' | 'rejected';

export interface CensusImportPlan<Row = CensusRow> {
  status: CensusImportStatus;
  toStore: Row[];
  refused: RefusedCensusRow[];
}

/**
 * Decides what a census import stores: everything when the file is valid, the valid rows only when the
 * user accepted that, otherwise nothing (a half-imported census would silently distort the pooling).
 * The same rule serves the census of needs and the sheet of running contracts.
 */
export function planCensusImport<Row = CensusRow>(
  parsed: Pick<CensusParseResult, 'errors'> & { rows: Row[] },
  { acceptValidRows }: PlanCensusImportOptions,
): CensusImportPlan<Row> {
  const refused = groupByRow(parsed.errors);
  if (parsed.errors.length === 0) return { status: 'complete', toStore: parsed.rows, refused };
  if (acceptValidRows && parsed.rows.length > 0) return { status: 'partial', toStore: parsed.rows, refused };
  return { status: 'rejected', toStore: [], refused };
}

function groupByRow(errors: readonly FieldIssue[]): RefusedCensusRow[] {
  const byRow = new Map<string, RefusedCensusRow>();
  for (const issue of errors) {
    const row = issue.row ?? 0;
    const key = `${issue.sheet ?? ''}:${row}`;
    const entry = byRow.get(key) ?? { row, ...(issue.sheet === undefined ? {} : { sheet: issue.sheet }), issues: [] };
    entry.issues.push(issue);
    byRow.set(key, entry);
  }
  return [...byRow.values()];
}
