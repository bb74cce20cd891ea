import type { Kysely } from 'kysely';

// Issue 15 §2: every import (DECP or census) is a row of `imports` — who, what, when, in which
// territory, its options and its counts — and every row it creates carries its id, so that it can
// be undone as a whole. `import_versions` keeps the previous values of the rows it changed;
// `import_organizations` the buyers and holders it met, created or not: an import is not undone
// under a later one that met the same buyers, and an organization it created stays while another
// import met it. The new columns are nullable without default: adding them rewrites no row. They
// have no index of their own (one more entry per imported row): an undo finds its rows through the
// organizations the import met, whose indexes lead with the organization.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('territory_id', 'text', (c) => c.notNull().references('territories.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('file_names_json', 'text', (c) => c.notNull())
    .addColumn('options_json', 'text', (c) => c.notNull())
    .addColumn('progress_json', 'text')
    .addColumn('preview_json', 'text')
    .addColumn('result_json', 'text')
    .addColumn('error', 'text')
    .addColumn('runner', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('undone_at', 'text')
    .addColumn('undone_by', 'text')
    .execute();
  await db.schema.createIndex('imports_territory_idx').on('imports').columns(['territory_id', 'created_at']).execute();
  for (const table of ['running_contracts', 'organizations', 'territory_members', 'needs']) {
    await db.schema.alterTable(table).addColumn('import_id', 'text').execute();
  }
  await db.schema
    .createTable('import_versions')
    .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'text', (c) => c.notNull())
    .addColumn('previous_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_versions_pk', ['import_id', 'table_name', 'row_id'])
    .execute();
  await db.schema
    .createTable('import_organizations')
    .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('is_buyer', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_organizations_pk', ['import_id', 'organization_id'])
    .execute();
  await db.schema.createIndex('import_organizations_organization_idx').on('import_organizations').column('organization_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_organizations').execute();
  await db.schema.dropTable('import_versions').execute();
  for (const table of ['needs', 'territory_members', 'organizations', 'running_contracts']) {
    await db.schema.alterTable(table).dropColumn('import_id').execute();
  }
  await db.schema.dropTable('imports').execute();
}
