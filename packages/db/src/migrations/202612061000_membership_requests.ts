import { type Kysely, sql } from 'kysely';

// Issue 13 §1 (self-enrolment): membership changes are the facilitator's, or the coordinator's
// where the convention says so (`groupements.admissions_by`); an organization asks to join and its
// request waits for a decision (`membership_requests`). One request at most waits per organization
// and groupement (a partial unique index, on both dialects).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('groupements')
    .addColumn('admissions_by', 'text', (c) => c.notNull().defaultTo('facilitator'))
    .execute();
  await db.schema
    .createTable('membership_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('groupement_id', 'text', (c) => c.notNull().references('groupements.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_reason', 'text')
    .execute();
  await db.schema
    .createIndex('membership_requests_pending_key')
    .unique()
    .on('membership_requests')
    .columns(['groupement_id', 'organization_id'])
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema.createIndex('membership_requests_organization_idx').on('membership_requests').column('organization_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('membership_requests').execute();
  await db.schema.alterTable('groupements').dropColumn('admissions_by').execute();
}
