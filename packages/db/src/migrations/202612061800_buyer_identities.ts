import type { Kysely } from 'kysely';

// Issue 15 §4 "names a facilitator can trust": what the sources say of who an organisation is.
// - organization_identities: per organisation, the names its SIRET published as a DECP buyer (with
//   counts), what SIRENE's establishment stock says of it, the last resolution (the values it set,
//   so a value someone changed since is kept; the French explanation shown to the facilitator) and
//   the facilitator's review of the name (who checked which name, when);
// - legal_units: SIRENE's legal-unit facts (name, catégorie juridique) for the SIRENs of stored
//   organisations only (the national stock is streamed, never stored whole).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organization_identities')
    .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('is_buyer', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_names_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('sirene_establishment_json', 'text')
    .addColumn('resolution_json', 'text')
    .addColumn('review_json', 'text')
    .addColumn('status', 'text')
    .addColumn('is_to_review', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('organization_identities_review_idx').on('organization_identities').column('is_to_review').execute();
  await db.schema
    .createTable('legal_units')
    .addColumn('siren', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text')
    .addColumn('legal_category', 'text', (c) => c.notNull())
    .addColumn('enterprise_category', 'text')
    .addColumn('is_active', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('legal_units').execute();
  await db.schema.dropTable('organization_identities').execute();
}
