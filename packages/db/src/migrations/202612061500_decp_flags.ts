import type { Kysely } from 'kysely';

// Issue 15 §3–4: every real DECP record is kept, what is doubtful is flagged. Three nullable JSON
// columns, NULL for the plain contracts (adding them rewrites no row on SQLite nor PostgreSQL):
// - decp_flags_json: the record's flags as the import read them (DecpFlag[]), rewritten by a re-import;
// - amount_check_json: the peer-group verdict on the amount (an `amount_anomalous` DecpFlag), written
//   by the assessment that follows each import (the peer groups move with every import);
// - decp_flag_reviews_json: the facilitator's confirmations by flag code (DecpFlagReviews).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('running_contracts').addColumn('decp_flags_json', 'text').execute();
  await db.schema.alterTable('running_contracts').addColumn('amount_check_json', 'text').execute();
  await db.schema.alterTable('running_contracts').addColumn('decp_flag_reviews_json', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('running_contracts').dropColumn('decp_flag_reviews_json').execute();
  await db.schema.alterTable('running_contracts').dropColumn('amount_check_json').execute();
  await db.schema.alterTable('running_contracts').dropColumn('decp_flags_json').execute();
}
