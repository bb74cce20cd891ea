import type { Kysely } from 'kysely';

// Retired (issue 15 §1). This migration once rebuilt `running_contracts` on SQLite to turn the
// uniqueness of `decp_id` into a named index that a bulk import could drop and rebuild; the import
// no longer does (it did not pay at realistic sizes, docs/benchmarks.md). It stays listed, doing
// nothing, because databases that ran it record its name. The rule is the same either way: new
// databases keep the column's UNIQUE constraint, older ones the equivalent unique index
// `running_contracts_decp_id_key`; both serve `ON CONFLICT (decp_id)`.
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
