import type { Kysely } from 'kysely';

// Indexes matching the needs list order (CPV code, label, id) so a page of a 10,000-need territory
// is read in index order and stops after `limit` rows instead of sorting every need of the
// territory on each request (issue 6 §3: screens answer within a second). The second one serves
// a member's list, which is narrowed to its organization.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('needs_list_order_idx').on('needs').columns(['cpv_code', 'label', 'id']).execute();
  await db.schema
    .createIndex('needs_organization_list_order_idx')
    .on('needs')
    .columns(['organization_id', 'cpv_code', 'label', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('needs_organization_list_order_idx').ifExists().execute();
  await db.schema.dropIndex('needs_list_order_idx').ifExists().execute();
}
