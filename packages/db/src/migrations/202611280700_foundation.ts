import type { Kysely } from 'kysely';

// One migration file serves SQLite and PostgreSQL: only schema-builder types common to both.
// Money columns are bigint (PostgreSQL int8; SQLite INTEGER is 64-bit anyway).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('territories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('pooling_scope_json', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('siret', 'text', (c) => c.notNull().unique())
    .addColumn('siren', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('insee_code', 'text', (c) => c.notNull())
    .addColumn('departement_code', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('epci_siren', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('organizations_siren_idx').on('organizations').column('siren').execute();
  await db.schema.createIndex('organizations_departement_idx').on('organizations').column('departement_code').execute();

  await db.schema
    .createTable('territory_members')
    .addColumn('territory_id', 'text', (c) => c.notNull().references('territories.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('territory_members_pk', ['territory_id', 'organization_id'])
    .execute();
  await db.schema.createIndex('territory_members_org_idx').on('territory_members').column('organization_id').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_roles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('territory_id', 'text', (c) => c.notNull().references('territories.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('user_roles_user_idx').on('user_roles').column('user_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('needs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('cpv_code', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('quantity', 'double precision')
    .addColumn('unit', 'text')
    .addColumn('units_per_pack', 'integer')
    .addColumn('unit_price_cents', 'bigint')
    .addColumn('annual_amount_cents', 'bigint', (c) => c.notNull())
    .addColumn('amount_is_derived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('delivery_communes_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('csr_requirements_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('quality_requirements', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('confidence', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('needs_org_idx').on('needs').column('organization_id').execute();
  await db.schema.createIndex('needs_cpv_idx').on('needs').column('cpv_code').execute();
  await db.schema.createIndex('needs_source_ref_idx').on('needs').columns(['organization_id', 'source', 'source_ref']).execute();

  await db.schema
    .createTable('running_contracts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('cpv_code', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('holder_siret', 'text')
    .addColumn('holder_name', 'text')
    .addColumn('notification_date', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('duration_months', 'integer', (c) => c.notNull())
    .addColumn('renewal_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('renewal_months', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notice_months', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('renewals_used', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('amount_cents', 'bigint')
    .addColumn('nature', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('decp_id', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('running_contracts_org_idx').on('running_contracts').column('organization_id').execute();

  await db.schema
    .createTable('competences')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('label_fr', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('supplier_profiles')
    .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('naf_codes_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('competences_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('products_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('delivery_radius_km', 'integer', (c) => c.notNull())
    .addColumn('certifications_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('is_sme', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('purchase_families')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('territory_id', 'text', (c) => c.references('territories.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('cpv_codes_json', 'text', (c) => c.notNull())
    .addColumn('keywords_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('elasticity_json', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('groupements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('territory_id', 'text', (c) => c.notNull().references('territories.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('family_id', 'text', (c) => c.notNull())
    .addColumn('mandate_scope', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('is_permanent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('groupement_members')
    .addColumn('groupement_id', 'text', (c) => c.notNull().references('groupements.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('is_coordinator', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('groupement_members_pk', ['groupement_id', 'organization_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'groupement_members',
    'groupements',
    'purchase_families',
    'supplier_profiles',
    'competences',
    'running_contracts',
    'needs',
    'sessions',
    'user_roles',
    'users',
    'territory_members',
    'organizations',
    'territories',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
