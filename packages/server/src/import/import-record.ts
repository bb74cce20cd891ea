import type {
  CensusImportResult,
  DecpImportPreview,
  DecpImportResult,
  DecpImportScope,
  ImportProgress,
  ImportRecordDto,
  ImportUndoResult,
} from '@mutualis/contract';
import type { ImportRecord } from '@mutualis/db';
import type { CensusImportMode } from '../census/import-census';
import type { DecpImportFile } from './decp-import-pass';

/**
 * What an import keeps in its options: the uploaded files, the DECP scope, the census's organization
 * and mode, and whether the census's unusual amounts were confirmed.
 */
export interface ImportOptions {
  files?: DecpImportFile[];
  scope?: DecpImportScope;
  census?: { organizationId: string; mode: CensusImportMode; confirmAmounts?: boolean };
}

/** What an import keeps as results: what it did, and what undoing it did. */
export interface ImportResults {
  decp?: DecpImportResult;
  census?: CensusImportResult;
  undo?: ImportUndoResult;
}

// The import's JSON columns are written only by the jobs from these types (see json-column.ts in db).
export function readImportOptions(record: ImportRecord): ImportOptions {
  return (record.options ?? {}) as ImportOptions;
}

export function readImportResults(record: ImportRecord): ImportResults {
  return (record.result ?? {}) as ImportResults;
}

/** The import as the API answers it; the uploaded files' paths stay on the server. */
export function toImportDto(record: ImportRecord): ImportRecordDto {
  const results = readImportResults(record);
  return {
    id: record.id,
    kind: record.kind,
    status: record.status,
    actor: record.actor,
    fileNames: record.fileNames,
    organizationId: readImportOptions(record).census?.organizationId ?? null,
    createdAt: record.createdAt,
    confirmedAt: record.confirmedAt,
    finishedAt: record.finishedAt,
    undoneAt: record.undoneAt,
    undoneBy: record.undoneBy,
    error: record.error,
    progress: (record.progress as ImportProgress | null) ?? null,
    decpPreview: record.kind === 'decp' ? ((record.preview as DecpImportPreview | null) ?? null) : null,
    decpResult: results.decp ?? null,
    censusResult: results.census ?? (record.kind === 'census' ? ((record.preview as CensusImportResult | null) ?? null) : null),
    undoResult: results.undo ?? null,
  };
}
