import type { Kysely } from 'kysely';

// Issue 16 §2: a territory set up from the browser. Instance administrators (a flag on the account:
// their power is the instance's, not a territory's), one-time links (invitation, password reset,
// first administrator) stored as hashes, census campaigns with members' answers and reminders,
// firms' account requests, and the contact of a supplier profile.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('auth_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('auth_tokens_user_idx').on('auth_tokens').column('user_id').execute();

  await db.schema
    .createTable('census_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('territory_id', 'text', (c) => c.notNull().references('territories.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('family_ids_json', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('census_campaigns_territory_idx').on('census_campaigns').column('territory_id').execute();

  await db.schema
    .createTable('census_campaign_responses')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('census_campaigns.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .addColumn('answered_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('census_campaign_responses_pk', ['campaign_id', 'organization_id'])
    .execute();

  await db.schema
    .createTable('census_campaign_reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('census_campaigns.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('sent_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('emailed', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('census_campaign_reminders_campaign_idx').on('census_campaign_reminders').column('campaign_id').execute();

  await db.schema
    .createTable('account_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('territory_id', 'text', (c) => c.notNull().references('territories.id').onDelete('cascade'))
    .addColumn('siret', 'text', (c) => c.notNull())
    .addColumn('organization_name', 'text', (c) => c.notNull())
    .addColumn('insee_code', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decision_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('account_requests_territory_idx').on('account_requests').columns(['territory_id', 'status']).execute();

  for (const column of ['contact_name', 'contact_email', 'contact_phone']) {
    await db.schema
      .alterTable('supplier_profiles')
      .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['contact_phone', 'contact_email', 'contact_name']) {
    await db.schema.alterTable('supplier_profiles').dropColumn(column).execute();
  }
  for (const table of ['account_requests', 'census_campaign_reminders', 'census_campaign_responses', 'census_campaigns', 'auth_tokens']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('users').dropColumn('is_admin').execute();
}
