import type { Kysely } from 'kysely';

// DECP bulk import (issue 4 §5), same schema builder calls on SQLite and PostgreSQL.
// - needs_org_idx (organization_id) and needs_cpv_idx (cpv_code) are dropped: each is the leading
//   column of a list-order index (needs_organization_list_order_idx, needs_list_order_idx), which
//   serves the same lookups and the organization foreign key; each cost one more index entry per need.
// - deferred_indexes records the secondary indexes a bulk import dropped to build them once at
//   its end (name, the CREATE INDEX statement, who deferred them), in the same transaction as the
//   drop: a process killed mid-import leaves the rows, and the next opening of the database
//   rebuilds the indexes from them (`restoreDeferredIndexes`).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('needs_org_idx').execute();
  await db.schema.dropIndex('needs_cpv_idx').execute();
  await db.schema
    .createTable('deferred_indexes')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('deferred_by', 'text', (c) => c.notNull())
    .addColumn('deferred_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('deferred_indexes').execute();
  await db.schema.createIndex('needs_cpv_idx').on('needs').column('cpv_code').execute();
  await db.schema.createIndex('needs_org_idx').on('needs').column('organization_id').execute();
}
