import type { Kysely } from 'kysely';
import type { Database, ImportKind, ImportStatus } from '../schema';
/** One import as its history shows it; its options, progress, preview and result are the importer's own JSON values. */
export interface ImportRecord {
  id: string;
  territoryId: string;
  kind: ImportKind;
  status: ImportStatus;
  userId: string | null;
  actor: string;
  fileNames: string[];
  options: unknown;
  progress: unknown;
  preview: unknown;
  result: unknown;
  error: string | null;
  runner: string | null;
  createdAt: string;
  updatedAt: string;
  confirmedAt: string | null;
  finishedAt: string | null;
  undoneAt: string | null;
  undoneBy: string | null;
}
export interface NewImport {
  territoryId: string;
  kind: ImportKind;
  status: ImportStatus;
  userId: string | null;
  actor: string;
  fileNames: string[];
  options: unknown;
  runner: string | null;
  now: string;
}
export type ImportPatch = Partial<
  Pick<
    ImportRecord,
    'status' | 'options' | 'progress' | 'preview' | 'result' | 'error' | 'runner' | 'confirmedAt' | 'finishedAt' | 'undoneAt' | 'undoneBy'
  >
> & {
  now: string;
};
/** The import history (`imports`). */
export declare function createImportRepository(db: Kysely<Database>): {
  insert(input: NewImport): Promise<ImportRecord>;
  getById(id: string): Promise<ImportRecord | undefined>;
  /** A territory's imports, newest first. */
  listForTerritory(territoryId: string, limit?: number): Promise<ImportRecord[]>;
  /** Imports in these states, oldest first (the ones a process may have left unfinished). */
  listInStatus(statuses: readonly ImportStatus[]): Promise<ImportRecord[]>;
  /** Keeps the current values of a row the import is about to change, to put them back on undo (the first kept wins). */
  keepVersion(importId: string, table: 'needs' | 'running_contracts' | 'organizations', rowId: string): Promise<void>;
  /** Records that the import wrote for this organization (undoing an earlier import on it is then refused). */
  recordOrganization(importId: string, organizationId: string, isBuyer: boolean): Promise<void>;
  /** Applies the patch; with `onlyIf`, only while the import is in one of those states. Returns whether it applied. */
  update(id: string, patch: ImportPatch, onlyIf?: readonly ImportStatus[]): Promise<boolean>;
};
export type ImportRepository = ReturnType<typeof createImportRepository>;
