import { type DecpImportPreview, type DecpImportResult, type DecpImportScope, type ImportProgress } from '@mutualis/contract';
import { type MutualisDb } from '@mutualis/db';
import { type DecpImportFile } from './decp-import-pass';
export interface DecpImportOptions {
  m: MutualisDb;
  territoryId: string;
  files: readonly DecpImportFile[];
  scope: DecpImportScope;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
}
/**
 * What importing these DECP files into the territory would do, reading them once and writing
 * nothing: buyers inside the scope (members, or located in its départements) and outside it
 * (counted and listed, by département), contracts new / updated / unchanged / flagged,
 * duplicates and rejections, and the proposed needs (buyer × purchase family) it would create.
 */
export declare function previewDecpImport(options: DecpImportOptions): Promise<DecpImportPreview>;
/**
 * Imports DECP files into the territory for import `importId`: the awards of buyers in the scope
 * become running contracts (idempotent by DECP key), their buyers members of the territory, and
 * proposed needs per buyer and purchase family. Every row it creates carries `importId` (see
 * `undoImport`). A record the database refuses is reported and skipped, never aborting the import.
 */
export declare function runDecpImport(
  options: DecpImportOptions & {
    importId: string;
    now: string;
    awardsPerWrite?: number;
  },
): Promise<DecpImportResult>;
