import type { Kysely } from 'kysely';

// Issue 13 §2 ("other territories"): the competence vocabulary was edited by any facilitator, and
// a Charente facilitator could delete a competence Alsace firms use. A competence now belongs to
// a territory (added by its facilitator, edited and deleted by that territory only) or to none:
// shared reference data (the shipped vocabulary, and every competence stored before this
// migration), which no territory edits through the API. Nullable, no default: no row is rewritten.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('competences')
    .addColumn('territory_id', 'text', (c) => c.references('territories.id').onDelete('cascade'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('competences').dropColumn('territory_id').execute();
}
