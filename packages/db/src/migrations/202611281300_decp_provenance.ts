import type { Kysely } from 'kysely';

// Issue 4 ("results must be explained"): why an imported contract's end date, amount or holders
// differ from the record as first published (amendments, estimated start), stored by the DECP import
// as the `explainDecpProvenance` lines joined by "\n". Nullable and without default: most records
// have no amendment, and adding such a column rewrites no row on SQLite nor on PostgreSQL.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('running_contracts').addColumn('decp_provenance', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('running_contracts').dropColumn('decp_provenance').execute();
}
