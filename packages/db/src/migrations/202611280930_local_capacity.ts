import type { Kysely } from 'kysely';

// Local capacity (issue 5): recipes per territory, planned consultations published to local firms,
// firms' declarations of interest per lot, and the log of every contact with a firm (R2111-1:
// the log shows that each firm was treated alike).
export async function up(db: Kysely<unknown>): Promise<void> {
  // A stored recipe with the id of a shipped one (DEFAULT_RECIPES) replaces it for that territory.
  await db.schema
    .createTable('recipes')
    .addColumn('territory_id', 'text', (c) => c.notNull().references('territories.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('product_cpv_code', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('inputs_json', 'text', (c) => c.notNull())
    .addColumn('competences_json', 'text', (c) => c.notNull())
    .addColumn('provenance', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('recipes_pk', ['territory_id', 'id'])
    .execute();

  await db.schema
    .createTable('planned_consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('territory_id', 'text', (c) => c.notNull().references('territories.id').onDelete('cascade'))
    .addColumn('opportunity_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('cpv_code', 'text', (c) => c.notNull())
    .addColumn('volume', 'double precision')
    .addColumn('unit', 'text')
    .addColumn('buyer_count', 'integer', (c) => c.notNull())
    .addColumn('lots_json', 'text', (c) => c.notNull())
    .addColumn('max_lots_per_bidder', 'integer')
    .addColumn('launch_date', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('planned_consultations_territory_idx')
    .on('planned_consultations')
    .columns(['territory_id', 'launch_date'])
    .execute();

  await db.schema
    .createTable('interest_declarations')
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('planned_consultations.id').onDelete('cascade'))
    .addColumn('lot_id', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('capacity', 'double precision', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('interest_declarations_pk', ['consultation_id', 'lot_id', 'organization_id'])
    .execute();

  await db.schema
    .createTable('contact_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('territory_id', 'text', (c) => c.notNull().references('territories.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contact_log_territory_idx').on('contact_log').columns(['territory_id', 'occurred_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('contact_log').ifExists().execute();
  await db.schema.dropTable('interest_declarations').ifExists().execute();
  await db.schema.dropTable('planned_consultations').ifExists().execute();
  await db.schema.dropTable('recipes').ifExists().execute();
}
