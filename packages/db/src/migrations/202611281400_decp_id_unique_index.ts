import { type Kysely, PostgresAdapter, sql } from 'kysely';

// DECP import speed (issue 4 §5): the uniqueness of `running_contracts.decp_id` moves from a
// column constraint to a named unique index, `running_contracts_decp_id_key`. Same rule, same
// `ON CONFLICT (decp_id)`; but on SQLite a constraint's automatic index cannot be dropped, and a
// bulk import into a database holding no DECP contract can now drop this one and build it once at
// its end (its keys arrive in random order: each insert dirtied a random page of it, a third of
// the import's time on a million records). SQLite cannot drop a column constraint either, so the
// table is rebuilt (no table references running_contracts), its indexes recreated from their SQL.
const INDEX = 'running_contracts_decp_id_key';
const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) {
    await sql`ALTER TABLE running_contracts DROP CONSTRAINT running_contracts_decp_id_key`.execute(db);
  } else {
    await rebuildSqliteTable(db, (definition) => replaceOnce(definition, '"decp_id" text unique', '"decp_id" text'));
  }
  await db.schema.createIndex(INDEX).unique().on('running_contracts').column('decp_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex(INDEX).execute();
  if (isPostgres(db)) {
    await sql`ALTER TABLE running_contracts ADD CONSTRAINT running_contracts_decp_id_key UNIQUE (decp_id)`.execute(db);
  } else {
    await rebuildSqliteTable(db, (definition) => replaceOnce(definition, '"decp_id" text', '"decp_id" text unique'));
  }
}

/** SQLite's documented way to change a table's definition: create the new one, copy, drop, rename, recreate its indexes. */
async function rebuildSqliteTable(db: Kysely<unknown>, change: (definition: string) => string): Promise<void> {
  const objects = await sql<{ type: string; sql: string | null }>`
    SELECT type, sql FROM sqlite_master WHERE tbl_name = 'running_contracts' AND type IN ('table', 'index')
  `.execute(db);
  const table = objects.rows.find((row) => row.type === 'table')?.sql;
  if (table == null) throw new Error('running_contracts: table definition not found');
  const rebuilt = change(table).replace(/^CREATE TABLE (IF NOT EXISTS )?"running_contracts"/, 'CREATE TABLE "running_contracts_rebuilt"');
  if (!rebuilt.includes('"running_contracts_rebuilt"')) throw new Error(`running_contracts: unexpected definition ${table}`);
  // Its automatic indexes (sql NULL) come back with the table; the named key index is dropped before and created after.
  const indexes = objects.rows.filter((row) => row.type === 'index' && row.sql !== null);
  await sql.raw(rebuilt).execute(db);
  await sql`INSERT INTO running_contracts_rebuilt SELECT * FROM running_contracts`.execute(db);
  await sql`DROP TABLE running_contracts`.execute(db);
  await sql`ALTER TABLE running_contracts_rebuilt RENAME TO running_contracts`.execute(db);
  for (const index of indexes) await sql.raw(index.sql as string).execute(db);
}

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`running_contracts: expected one "${from}" in ${text}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}
