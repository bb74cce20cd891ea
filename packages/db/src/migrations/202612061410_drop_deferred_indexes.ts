import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Issue 15 §1: the DECP import no longer drops indexes to rebuild them at its end (measured in
// docs/benchmarks.md: it did not pay at realistic sizes). An index a killed import of an older
// version left deferred is rebuilt here from its recorded definition (SQLite only: PostgreSQL never
// deferred any), then the bookkeeping table goes.
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    const left = await sql<{ name: string; definition: string }>`SELECT name, definition FROM deferred_indexes`.execute(db);
    for (const { name, definition } of left.rows) {
      const present = await sql`SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ${name}`.execute(db);
      if (present.rows.length === 0) await sql.raw(definition).execute(db);
    }
  }
  await db.schema.dropTable('deferred_indexes').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('deferred_indexes')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('deferred_by', 'text', (c) => c.notNull())
    .addColumn('deferred_at', 'text', (c) => c.notNull())
    .execute();
}
