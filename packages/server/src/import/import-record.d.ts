import type { CensusImportResult, DecpImportResult, DecpImportScope, ImportRecordDto, ImportUndoResult } from '@mutualis/contract';
import type { ImportRecord } from '@mutualis/db';
import type { CensusImportMode } from '../census/import-census';
import type { DecpImportFile } from './decp-import-pass';
/** What an import keeps in its options: the uploaded files, the DECP scope, the census's organization and mode. */
export interface ImportOptions {
  files?: DecpImportFile[];
  scope?: DecpImportScope;
  census?: {
    organizationId: string;
    mode: CensusImportMode;
  };
}
/** What an import keeps as results: what it did, and what undoing it did. */
export interface ImportResults {
  decp?: DecpImportResult;
  census?: CensusImportResult;
  undo?: ImportUndoResult;
}
export declare function readImportOptions(record: ImportRecord): ImportOptions;
export declare function readImportResults(record: ImportRecord): ImportResults;
/** The import as the API answers it; the uploaded files' paths stay on the server. */
export declare function toImportDto(record: ImportRecord): ImportRecordDto;
