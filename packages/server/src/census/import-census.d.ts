import { type CensusRow, type Organization } from '@mutualis/core';
import { type MutualisDb, type Repositories } from '@mutualis/db';
/** dry_run: check only; all: store a fully valid file; valid: store the valid rows. */
export type CensusImportMode = 'dry_run' | 'all' | 'valid';
export interface ImportCensusOptions {
  m: MutualisDb;
  repos: Repositories;
  organization: Organization;
  fileName: string;
  content: Buffer;
  mode: CensusImportMode;
  /** The import these writes belong to (see `ImportJobs`): created needs carry it, changed ones keep their previous values for undo. */
  importId?: string;
}
export interface CensusCellError {
  sheet: string | null;
  row: number | null;
  column: string;
  field: string;
  reason: string;
}
export interface ImportCensusResult {
  status: 'complete' | 'partial' | 'rejected';
  dryRun: boolean;
  rowCount: number;
  valid: number;
  stored: {
    created: number;
    updated: number;
  };
  errors: CensusCellError[];
}
/**
 * Imports a census spreadsheet into one organization's needs. Rows may only name that
 * organization. What is stored is decided by core's `planCensusImport`, and written in one
 * transaction: all of it or nothing. A row imported before (same file name, sheet and row) is
 * updated in place, so importing the same file twice changes nothing.
 */
export declare function importCensus(options: ImportCensusOptions): Promise<ImportCensusResult>;
/** `recensement.xlsx#Recensement!12`: where the need came from, and the key of a later re-import. */
export declare function censusSourceRef(row: CensusRow): string;
/** Throws `not_found` when the organization does not exist. */
export declare function getOrganizationOrThrow(repos: Repositories, id: string): Promise<Organization>;
