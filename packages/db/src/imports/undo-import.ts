import { type Kysely, sql } from 'kysely';
import type { MutualisDb } from '../dialect/create-database';
import { refreshDecpNeeds } from '../decp/refresh-decp-needs';
import type { Database } from '../schema';

/** What undoing an import removed and put back. */
export interface UndoOutcome {
  contractsRemoved: number;
  contractsRestored: number;
  needsRemoved: number;
  needsRestored: number;
  membershipsRemoved: number;
  organizationsRemoved: number;
  /** Organizations it created that something else now uses (another import, a user, a groupement…): kept. */
  organizationsKept: number;
}

/** Rows deleted per transaction: a large undo lets other writers in between. */
const ROWS_PER_STEP = 2_000;
/** The tables whose rows an import may change, which it puts back on undo. */
const VERSIONED_TABLES = ['running_contracts', 'organizations', 'needs'] as const;

/**
 * Undoes an import as a whole: puts back the rows it changed, removes the contracts, needs and
 * memberships it created, recomputes its buyers' DECP-proposed needs (those no contract backs any
 * more go, unless their buyer confirmed them), and removes the organizations it created that
 * nothing else uses. Works by steps of `ROWS_PER_STEP` rows, each its own transaction: every step
 * can be done again, so an undo interrupted by a crash is finished by running it again.
 */
export async function undoImport(m: MutualisDb, options: { importId: string; now: string }): Promise<UndoOutcome> {
  const { db } = m;
  const { importId, now } = options;
  const buyers = (
    await db
      .selectFrom('import_organizations')
      .select('organization_id')
      .where('import_id', '=', importId)
      .where('is_buyer', '=', 1)
      .execute()
  ).map((r) => r.organization_id);
  const restored = await restoreVersions(db, importId);
  const contractsRemoved = await deleteInSteps(db, 'running_contracts', importId);
  // DECP needs follow the contracts (refreshed below); the others (census) were the import's own rows.
  const needsRemoved = await deleteInSteps(db, 'needs', importId);
  const membershipsRemoved = await deleteInSteps(db, 'territory_members', importId);
  const needs = await refreshDecpNeeds(db, { buyerIds: buyers, now, importId: null });
  await db.deleteFrom('import_organizations').where('import_id', '=', importId).execute();
  const organizations = await deleteUnusedOrganizations(m, importId);
  await db.deleteFrom('import_versions').where('import_id', '=', importId).execute();
  return {
    contractsRemoved,
    contractsRestored: restored.running_contracts,
    needsRemoved: needsRemoved + needs.removed,
    needsRestored: restored.needs,
    membershipsRemoved,
    organizationsRemoved: organizations.removed,
    organizationsKept: organizations.kept,
  };
}

/**
 * The latest import still in effect, other than `importId` and started after it, that met one of
 * its buyers: undoing `importId` first would take away contracts or memberships that one relies on.
 */
export async function findLaterImportOnSameBuyers(
  m: MutualisDb,
  importId: string,
): Promise<{ id: string; territoryId: string; createdAt: string } | undefined> {
  const self = await m.db.selectFrom('imports').select('created_at').where('id', '=', importId).executeTakeFirst();
  if (self === undefined) return undefined;
  return m.db
    .selectFrom('import_organizations as mine')
    .innerJoin('import_organizations as theirs', (join) =>
      join.onRef('theirs.organization_id', '=', 'mine.organization_id').onRef('theirs.import_id', '<>', 'mine.import_id'),
    )
    .innerJoin('imports', 'imports.id', 'theirs.import_id')
    .select(['imports.id', 'imports.territory_id as territoryId', 'imports.created_at as createdAt'])
    .where('mine.import_id', '=', importId)
    .where('mine.is_buyer', '=', 1)
    .where('theirs.is_buyer', '=', 1)
    .where('imports.status', 'in', ['running', 'done'])
    .where('imports.created_at', '>', self.created_at)
    .orderBy('imports.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

async function restoreVersions(db: Kysely<Database>, importId: string): Promise<Record<(typeof VERSIONED_TABLES)[number], number>> {
  const counts = { running_contracts: 0, organizations: 0, needs: 0 };
  for (const table of VERSIONED_TABLES) {
    for (;;) {
      const versions = await db
        .selectFrom('import_versions')
        .select(['row_id', 'previous_json'])
        .where('import_id', '=', importId)
        .where('table_name', '=', table)
        .limit(ROWS_PER_STEP)
        .execute();
      if (versions.length === 0) break;
      await db.transaction().execute(async (trx) => {
        for (const version of versions) {
          const previous = JSON.parse(version.previous_json) as Record<string, unknown>;
          await trx
            .updateTable(table)
            .set(previous as never)
            .where('id', '=', version.row_id)
            .execute();
          await trx
            .deleteFrom('import_versions')
            .where('import_id', '=', importId)
            .where('table_name', '=', table)
            .where('row_id', '=', version.row_id)
            .execute();
        }
      });
      counts[table] += versions.length;
    }
  }
  return counts;
}

type StampedTable = 'running_contracts' | 'needs' | 'territory_members';

/**
 * Deletes the rows of `table` the import created, `ROWS_PER_STEP` per transaction; returns how
 * many. Needs: only those not from the DECP (those follow the contracts, see `refreshDecpNeeds`).
 */
async function deleteInSteps(db: Kysely<Database>, table: StampedTable, importId: string): Promise<number> {
  let removed = 0;
  for (;;) {
    const deleted = await db.transaction().execute(async (trx) => {
      if (table === 'territory_members') {
        const result = await trx.deleteFrom('territory_members').where('import_id', '=', importId).executeTakeFirst();
        return Number(result.numDeletedRows);
      }
      let ids = trx.selectFrom(table).select('id').where('import_id', '=', importId);
      if (table === 'needs') ids = ids.where('needs.source', '<>', 'decp');
      const batch = (await ids.limit(ROWS_PER_STEP).execute()).map((r) => r.id);
      if (batch.length === 0) return 0;
      const result = await trx.deleteFrom(table).where('id', 'in', batch).executeTakeFirst();
      return Number(result.numDeletedRows);
    });
    removed += deleted;
    if (table === 'territory_members' || deleted === 0) return removed;
  }
}

/** Removes the organizations the import created that no row of any table refers to; counts those kept. */
async function deleteUnusedOrganizations(m: MutualisDb, importId: string): Promise<{ removed: number; kept: number }> {
  const references = await referencesTo(m, 'organizations');
  let removed = 0;
  let kept = 0;
  let after = '';
  for (;;) {
    const ids = (
      await m.db
        .selectFrom('organizations')
        .select('id')
        .where('import_id', '=', importId)
        .where('id', '>', after)
        .orderBy('id')
        .limit(ROWS_PER_STEP)
        .execute()
    ).map((r) => r.id);
    if (ids.length === 0) return { removed, kept };
    after = ids[ids.length - 1] as string;
    const result = await m.db.transaction().execute((trx) => {
      let query = trx.deleteFrom('organizations').where('id', 'in', ids);
      for (const { table, column } of references)
        query = query.where(({ not, exists }) =>
          not(exists(sql`(SELECT 1 FROM ${sql.table(table)} WHERE ${sql.ref(`${table}.${column}`)} = organizations.id)`)),
        );
      return query.executeTakeFirst();
    });
    removed += Number(result.numDeletedRows);
    kept += ids.length - Number(result.numDeletedRows);
  }
}

/** Every (table, column) with a foreign key to `table`, read from the database's own catalogue. */
async function referencesTo(m: MutualisDb, table: string): Promise<{ table: string; column: string }[]> {
  const rows =
    m.dialect === 'sqlite'
      ? await sql<{ table: string; column: string }>`
          SELECT t.name AS "table", f."from" AS "column"
            FROM sqlite_master t, pragma_foreign_key_list(t.name) f
           WHERE t.type = 'table' AND f."table" = ${table}`.execute(m.db)
      : await sql<{ table: string; column: string }>`
          SELECT c.conrelid::regclass::text AS "table", a.attname AS "column"
            FROM pg_constraint c
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
           WHERE c.contype = 'f' AND c.confrelid = ${table}::regclass`.execute(m.db);
  return rows.rows;
}
