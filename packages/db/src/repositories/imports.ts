import type { Kysely, Selectable } from 'kysely';
import { newId } from '../dialect/new-id';
import type { Database, ImportKind, ImportStatus, ImportTable } from '../schema';
import { readJson, writeJson } from './json-column';

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
> & { now: string };

/** The import history (`imports`). */
export function createImportRepository(db: Kysely<Database>) {
  return {
    async insert(input: NewImport): Promise<ImportRecord> {
      const row = await db
        .insertInto('imports')
        .values({
          id: newId(),
          territory_id: input.territoryId,
          kind: input.kind,
          status: input.status,
          user_id: input.userId,
          actor: input.actor,
          file_names_json: writeJson(input.fileNames),
          options_json: writeJson(input.options),
          runner: input.runner,
          created_at: input.now,
          updated_at: input.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toImport(row);
    },

    async getById(id: string): Promise<ImportRecord | undefined> {
      const row = await db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toImport(row);
    },

    /** A territory's imports, newest first. */
    async listForTerritory(territoryId: string, limit = 100): Promise<ImportRecord[]> {
      const rows = await db
        .selectFrom('imports')
        .selectAll()
        .where('territory_id', '=', territoryId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toImport);
    },

    /** Imports in these states, oldest first (the ones a process may have left unfinished). */
    async listInStatus(statuses: readonly ImportStatus[]): Promise<ImportRecord[]> {
      const rows = await db
        .selectFrom('imports')
        .selectAll()
        .where('status', 'in', [...statuses])
        .orderBy('created_at')
        .execute();
      return rows.map(toImport);
    },

    /** Keeps the current values of a row the import is about to change, to put them back on undo (the first kept wins). */
    async keepVersion(importId: string, table: 'needs' | 'running_contracts' | 'organizations', rowId: string): Promise<void> {
      const row = await db.selectFrom(table).selectAll().where('id', '=', rowId).executeTakeFirst();
      if (row === undefined) return;
      const { id: _id, ...previous } = row;
      await db
        .insertInto('import_versions')
        .values({ import_id: importId, table_name: table, row_id: rowId, previous_json: writeJson(previous) })
        .onConflict((oc) => oc.columns(['import_id', 'table_name', 'row_id']).doNothing())
        .execute();
    },

    /** Records that the import wrote for this organization (undoing an earlier import on it is then refused). */
    async recordOrganization(importId: string, organizationId: string, isBuyer: boolean): Promise<void> {
      await db
        .insertInto('import_organizations')
        .values({ import_id: importId, organization_id: organizationId, is_buyer: isBuyer ? 1 : 0 })
        .onConflict((oc) => oc.columns(['import_id', 'organization_id']).doNothing())
        .execute();
    },

    /** Applies the patch; with `onlyIf`, only while the import is in one of those states. Returns whether it applied. */
    async update(id: string, patch: ImportPatch, onlyIf?: readonly ImportStatus[]): Promise<boolean> {
      let query = db
        .updateTable('imports')
        .set({
          status: patch.status,
          options_json: patch.options === undefined ? undefined : writeJson(patch.options),
          progress_json: patch.progress === undefined ? undefined : writeJson(patch.progress),
          preview_json: patch.preview === undefined ? undefined : writeJson(patch.preview),
          result_json: patch.result === undefined ? undefined : writeJson(patch.result),
          error: patch.error,
          runner: patch.runner,
          confirmed_at: patch.confirmedAt,
          finished_at: patch.finishedAt,
          undone_at: patch.undoneAt,
          undone_by: patch.undoneBy,
          updated_at: patch.now,
        })
        .where('id', '=', id);
      if (onlyIf !== undefined) query = query.where('status', 'in', [...onlyIf]);
      const result = await query.executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}

export type ImportRepository = ReturnType<typeof createImportRepository>;

function toImport(row: Selectable<ImportTable>): ImportRecord {
  const json = (text: string | null): unknown => (text === null ? null : readJson<unknown>(text));
  return {
    id: row.id,
    territoryId: row.territory_id,
    kind: row.kind,
    status: row.status,
    userId: row.user_id,
    actor: row.actor,
    fileNames: readJson<string[]>(row.file_names_json),
    options: json(row.options_json),
    progress: json(row.progress_json),
    preview: json(row.preview_json),
    result: json(row.result_json),
    error: row.error,
    runner: row.runner,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    confirmedAt: row.confirmed_at,
    finishedAt: row.finished_at,
    undoneAt: row.undone_at,
    undoneBy: row.undone_by,
  };
}
