import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { readJson, writeJson } from './json-column';

/** `import_versions.table_name` of an identity's previous values (its `row_id` is the organisation's id). */
export const IDENTITY_VERSION_TABLE = 'organization_identities';

/** Rows per statement: far below both dialects' parameter limits. */
const CHUNK = 500;

/**
 * The identity columns a DECP import writes (the names it met, the resolution it made), and the
 * values of an organisation without an identity row. The SIRENE facts and the facilitator's review
 * are never written by an import: an undo leaves them as they are.
 */
const IMPORTED_COLUMNS = {
  is_buyer: 0,
  published_names_json: '[]',
  resolution_json: null as string | null,
  status: null as string | null,
  is_to_review: 0,
};
type ImportedColumns = typeof IMPORTED_COLUMNS & { updated_at: string };

/**
 * Keeps, for import `importId`, the identity columns of these organisations as they are now (null
 * for one without an identity row) before the import writes them: the first kept wins, so an undo
 * puts back what was there before the import, whichever of its steps wrote first.
 */
export async function keepBuyerIdentityVersions(db: Kysely<Database>, importId: string, organizationIds: readonly string[]): Promise<void> {
  for (let i = 0; i < organizationIds.length; i += CHUNK) {
    const part = organizationIds.slice(i, i + CHUNK);
    // An import writes a buyer's identity twice (names met, then resolution): the second finds it kept by the first.
    const kept = await db
      .selectFrom('import_versions')
      .select('row_id')
      .where('import_id', '=', importId)
      .where('table_name', '=', IDENTITY_VERSION_TABLE)
      .where('row_id', 'in', part)
      .execute();
    const keptIds = new Set(kept.map((row) => row.row_id));
    const ids = part.filter((id) => !keptIds.has(id));
    if (ids.length === 0) continue;
    const rows = await db
      .selectFrom('organization_identities')
      .select(['organization_id', 'is_buyer', 'published_names_json', 'resolution_json', 'status', 'is_to_review', 'updated_at'])
      .where('organization_id', 'in', ids)
      .execute();
    const before = new Map(rows.map(({ organization_id, ...columns }) => [organization_id, columns]));
    await db
      .insertInto('import_versions')
      .values(
        ids.map((id) => ({
          import_id: importId,
          table_name: IDENTITY_VERSION_TABLE,
          row_id: id,
          previous_json: writeJson(before.get(id) ?? null),
        })),
      )
      .onConflict((oc) => oc.columns(['import_id', 'table_name', 'row_id']).doNothing())
      .execute();
  }
}

/**
 * Puts back one organisation's identity as `keepBuyerIdentityVersions` kept it: its imported columns,
 * or, when it had no identity row, none (the row goes unless a SIRENE import or a review wrote to it since).
 */
export async function restoreBuyerIdentityVersion(db: Kysely<Database>, organizationId: string, previousJson: string): Promise<void> {
  const previous = readJson<ImportedColumns | null>(previousJson);
  if (previous !== null) {
    await db.updateTable('organization_identities').set(previous).where('organization_id', '=', organizationId).execute();
    return;
  }
  await db
    .deleteFrom('organization_identities')
    .where('organization_id', '=', organizationId)
    .where('sirene_establishment_json', 'is', null)
    .where('review_json', 'is', null)
    .execute();
  await db.updateTable('organization_identities').set(IMPORTED_COLUMNS).where('organization_id', '=', organizationId).execute();
}
