import { type Kysely, sql } from 'kysely';
import type { MutualisDb } from '../dialect/create-database';
import { createDecpStore } from '../decp/decp-store';
import { IDENTITY_VERSION_TABLE, restoreBuyerIdentityVersion } from '../repositories/buyer-identity-versions';
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

/** Organizations handled per step (each its own transactions): a large undo lets other writers in between. */
const ORGANIZATIONS_PER_STEP = 500;
/** Versions put back per transaction. */
const ROWS_PER_STEP = 2_000;
/** The tables whose rows an import may change, which it puts back on undo (identities: by organisation, see `restoreBuyerIdentityVersion`). */
const VERSIONED_TABLES = ['running_contracts', 'organizations', 'needs', IDENTITY_VERSION_TABLE] as const;

/**
 * Undoes an import as a whole: puts back the rows it changed, removes the contracts, needs and
 * memberships it created, recomputes its buyers' DECP-proposed needs (those no contract backs any
 * more go, unless their buyer confirmed them), and removes the organizations it created that
 * nothing else uses. It goes through the organizations the import met, `ORGANIZATIONS_PER_STEP`
 * at a time, each step its own transaction and forgotten once done: an undo interrupted by a crash
 * is finished by running it again.
 */
export async function undoImport(m: MutualisDb, options: { importId: string; now: string }): Promise<UndoOutcome> {
  const { importId, now } = options;
  const restored = await restoreVersions(m.db, importId);
  const store = createDecpStore(m);
  // An organization's identity (names met, resolution) is part of it, deleted with it: not a use by something else.
  const references = (await referencesTo(m, 'organizations')).filter((r) => r.table !== 'organization_identities');
  const outcome: UndoOutcome = {
    contractsRemoved: 0,
    contractsRestored: restored.running_contracts,
    needsRemoved: 0,
    needsRestored: restored.needs,
    membershipsRemoved: 0,
    organizationsRemoved: 0,
    organizationsKept: 0,
  };
  for (;;) {
    const met = await m.db
      .selectFrom('import_organizations')
      .select(['organization_id', 'is_buyer'])
      .where('import_id', '=', importId)
      .limit(ORGANIZATIONS_PER_STEP)
      .execute();
    if (met.length === 0) break;
    const ids = met.map((r) => r.organization_id);
    await m.db.transaction().execute(async (trx) => {
      outcome.contractsRemoved += await deleteCreated(trx, 'running_contracts', importId, ids);
      // DECP needs follow the contracts (refreshed below); the others (census) were the import's own rows.
      outcome.needsRemoved += await deleteCreated(trx, 'needs', importId, ids);
      outcome.membershipsRemoved += await deleteCreated(trx, 'territory_members', importId, ids);
    });
    const needs = await store.refreshNeeds(
      met.filter((r) => r.is_buyer === 1).map((r) => r.organization_id),
      now,
      null,
    );
    outcome.needsRemoved += needs.removed;
    const removed = await m.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('import_organizations').where('import_id', '=', importId).where('organization_id', 'in', ids).execute();
      return deleteUnusedOrganizations(trx, references, importId, ids);
    });
    outcome.organizationsRemoved += removed.removed;
    outcome.organizationsKept += removed.kept;
  }
  await m.db.deleteFrom('import_versions').where('import_id', '=', importId).execute();
  if (outcome.contractsRemoved + outcome.contractsRestored > 0) {
    // The peer groups lost or got back contracts: verdicts, then the needs of the buyers whose verdicts moved.
    const checks = await store.refreshAmountChecks();
    outcome.needsRemoved += (await store.refreshNeeds(checks.organizationIds, now, null)).removed;
  }
  return outcome;
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
  const counts = { running_contracts: 0, organizations: 0, needs: 0, organization_identities: 0 };
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
          if (table === IDENTITY_VERSION_TABLE) await restoreBuyerIdentityVersion(trx, version.row_id, version.previous_json);
          else
            await trx
              .updateTable(table)
              .set(JSON.parse(version.previous_json) as never)
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

/** Deletes the rows of `table` the import created for these organizations (needs: only those not from the DECP). */
async function deleteCreated(
  db: Kysely<Database>,
  table: StampedTable,
  importId: string,
  organizationIds: readonly string[],
): Promise<number> {
  let query = db.deleteFrom(table).where('organization_id', 'in', organizationIds).where('import_id', '=', importId);
  if (table === 'needs') query = query.where('source', '<>', 'decp');
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Among these organizations, removes those the import created that no row of any table refers to; counts those kept. */
async function deleteUnusedOrganizations(
  db: Kysely<Database>,
  references: readonly { table: string; column: string }[],
  importId: string,
  organizationIds: readonly string[],
): Promise<{ removed: number; kept: number }> {
  const created = await db
    .selectFrom('organizations')
    .select('id')
    .where('id', 'in', organizationIds)
    .where('import_id', '=', importId)
    .execute();
  if (created.length === 0) return { removed: 0, kept: 0 };
  let query = db.deleteFrom('organizations').where(
    'id',
    'in',
    created.map((r) => r.id),
  );
  for (const { table, column } of references)
    query = query.where(({ not, exists }) =>
      not(exists(sql`(SELECT 1 FROM ${sql.table(table)} WHERE ${sql.ref(`${table}.${column}`)} = organizations.id)`)),
    );
  const removed = Number((await query.executeTakeFirst()).numDeletedRows);
  return { removed, kept: created.length - removed };
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
