import type { Kysely } from 'kysely';

// Issue 15 §6: the observatory's delta asks which DECP contracts were written (`updated_at`) and
// created (`created_at`) since its last read, and its check reads the latest `updated_at`; without
// this index each of them reads the whole table (docs/benchmarks.md, observatory section).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('running_contracts_source_written_idx')
    .on('running_contracts')
    .columns(['source', 'updated_at', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('running_contracts_source_written_idx').execute();
}
