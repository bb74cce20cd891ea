import type { Kysely } from 'kysely';

// Issue 17 §3: the facilitator's "urgent" mark on an opportunity's need (a crisis), stored so the
// R2122-1 explanation shows from the mark, for every user, after a reload.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('opportunity_urgency_marks')
    .addColumn('territory_id', 'text', (c) => c.notNull().references('territories.id').onDelete('cascade'))
    .addColumn('opportunity_id', 'text', (c) => c.notNull())
    .addColumn('marked_by', 'text')
    .addColumn('marked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('opportunity_urgency_marks_pk', ['territory_id', 'opportunity_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('opportunity_urgency_marks').ifExists().execute();
}
