import type { Kysely } from 'kysely';

// DECP import speed (issue 4 §5), same schema builder calls on SQLite and PostgreSQL.
// - needs_source_ref_idx is dropped: no query looks needs up by source_ref (the DECP refresh and
//   the census import select by organization and source), and its long keys made every proposed
//   need cost a large index entry.
// - running_contracts_org_idx becomes a covering index of what the DECP needs refresh reads per
//   buyer (organization, source, CPV, amount, duration, DECP id): the refresh scans one buyer's
//   index entries instead of fetching each contract row at random in the table. Its leading
//   column is still organization_id, so lookups by organization keep using it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('needs_source_ref_idx').execute();
  await db.schema.dropIndex('running_contracts_org_idx').execute();
  await db.schema
    .createIndex('running_contracts_org_decp_idx')
    .on('running_contracts')
    .columns(['organization_id', 'source', 'cpv_code', 'amount_cents', 'duration_months', 'decp_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('running_contracts_org_decp_idx').execute();
  await db.schema.createIndex('running_contracts_org_idx').on('running_contracts').column('organization_id').execute();
  await db.schema.createIndex('needs_source_ref_idx').on('needs').columns(['organization_id', 'source', 'source_ref']).execute();
}
