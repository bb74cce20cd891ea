import type { Kysely } from 'kysely';

// Manual coordinator choices of a facilitator, kept across recomputations of the analysis.
// `cell_key` is '' for "every cell of the family" so the primary key stays NOT NULL in both dialects
// (PostgreSQL treats NULLs as distinct in unique constraints, SQLite too).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('coordinator_overrides')
    .addColumn('territory_id', 'text', (c) => c.notNull().references('territories.id').onDelete('cascade'))
    .addColumn('family_key', 'text', (c) => c.notNull())
    .addColumn('cell_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('coordinator_overrides_pk', ['territory_id', 'family_key', 'cell_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('coordinator_overrides').ifExists().execute();
}
