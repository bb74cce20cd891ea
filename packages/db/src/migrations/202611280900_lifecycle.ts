import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Groupement lifecycle (issue 6): signatures and deliberations, decision snapshots, lot awards,
// consumption, planned launch dates, and the append-only audit log.

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

async function createAuditLog(db: Kysely<unknown>): Promise<void> {
  // No foreign keys: the history outlives the rows it describes (a deleted groupement keeps its trail).
  await db.schema
    .createTable('audit_log')
    .addColumn('id', isPostgres(db) ? 'bigserial' : 'integer', (c) => (isPostgres(db) ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('territory_id', 'text', (c) => c.notNull())
    .addColumn('groupement_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute();
  await db.schema.createIndex('audit_log_groupement_idx').on('audit_log').columns(['groupement_id', 'id']).execute();
  await db.schema.createIndex('audit_log_territory_idx').on('audit_log').columns(['territory_id', 'id']).execute();
  // The database itself refuses to rewrite history, whatever the application does.
  if (isPostgres(db)) {
    await sql`CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege'; END $$`.execute(db);
    await sql`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`.execute(db);
  } else {
    await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only (UPDATE refused)'); END`.execute(db);
    await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only (DELETE refused)'); END`.execute(db);
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await createAuditLog(db);
  await db.schema
    .createTable('groupement_signatures')
    .addColumn('groupement_id', 'text', (c) => c.notNull().references('groupements.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('signed_on', 'text')
    .addColumn('deliberation_on', 'text')
    .addColumn('deliberation_reference', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('groupement_signatures_pk', ['groupement_id', 'organization_id'])
    .execute();
  await db.schema
    .createTable('groupement_plans')
    .addColumn('groupement_id', 'text', (c) => c.primaryKey().references('groupements.id').onDelete('cascade'))
    .addColumn('planned_launch_on', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('decision_snapshots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('groupement_id', 'text', (c) => c.notNull().references('groupements.id').onDelete('cascade'))
    .addColumn('procedure_number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('values_json', 'text', (c) => c.notNull())
    .addColumn('parameters_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('decision_snapshots_groupement_idx')
    .on('decision_snapshots')
    .columns(['groupement_id', 'procedure_number'])
    .execute();
  await db.schema
    .createTable('lot_awards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('groupement_id', 'text', (c) => c.notNull().references('groupements.id').onDelete('cascade'))
    .addColumn('procedure_number', 'integer', (c) => c.notNull())
    .addColumn('lot_key', 'text', (c) => c.notNull())
    .addColumn('lot_label', 'text', (c) => c.notNull())
    .addColumn('holder_siret', 'text', (c) => c.notNull())
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('holder_departement_code', 'text')
    .addColumn('holder_is_sme', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unit_price_cents', 'bigint')
    .addColumn('amount_cents', 'bigint')
    .addColumn('awarded_on', 'text', (c) => c.notNull())
    .addColumn('start_on', 'text', (c) => c.notNull())
    .addColumn('duration_months', 'integer', (c) => c.notNull())
    .addColumn('coverage_json', 'text', (c) => c.notNull())
    .addColumn('contracts_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('lot_awards_lot_key_unique', ['groupement_id', 'procedure_number', 'lot_key'])
    .execute();
  await db.schema
    .createTable('consumption_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('groupement_id', 'text', (c) => c.notNull().references('groupements.id').onDelete('cascade'))
    .addColumn('procedure_number', 'integer', (c) => c.notNull())
    .addColumn('lot_key', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('quantity', 'double precision')
    .addColumn('amount_cents', 'bigint', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('consumption_entries_period_unique', ['groupement_id', 'procedure_number', 'lot_key', 'organization_id', 'period'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'consumption_entries',
    'lot_awards',
    'decision_snapshots',
    'groupement_plans',
    'groupement_signatures',
    'audit_log',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  if (isPostgres(db)) await sql`DROP FUNCTION IF EXISTS audit_log_refuse_change()`.execute(db);
}
