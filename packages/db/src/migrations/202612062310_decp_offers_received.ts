import type { Kysely } from 'kysely';

// Issue 17 §2: the bids a contract drew (DECP `offresRecues`, 2024 format), read by the supply-security
// indicator "bids received on past contracts of the family in the area". Null when not published.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('running_contracts').addColumn('offers_received', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('running_contracts').dropColumn('offers_received').execute();
}
