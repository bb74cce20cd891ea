import type { Kysely } from 'kysely';

// Issue 14 §4: the DECP 2024 data of an awarded lot that the award decision does not say (date of
// notification, offers received, price types, CCAG, advance, subcontracting, social and environmental
// considerations), as JSON read only by the lot-awards repository. Nullable: awards recorded before
// stay without it until the coordinator completes it; the DECP export withholds them meanwhile.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('lot_awards').addColumn('essential_data_json', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('lot_awards').dropColumn('essential_data_json').execute();
}
