import type { MutualisDb } from '@mutualis/db';
import { sql } from 'kysely';

/** Page cache for the import, in KiB (negative = KiB in SQLite's convention): holds the hot index pages (the indexes filled at random places being deferred on large imports, 32 MiB suffice; each doubling costs as much peak RSS). */
const BULK_CACHE_KIB = 32_768;

/**
 * On SQLite, enlarges the page cache for the duration of an import (a per-connection setting, and
 * the SQLite dialect has one connection); returns the function that restores the previous value.
 * Temporary b-trees stay where the database keeps them (files by default): with
 * `temp_store = MEMORY`, the sorts of the deferred `CREATE INDEX` held a whole index in memory,
 * about 100 MB more peak RSS on a million records for no gain in time. Durability settings are
 * left as configured. On PostgreSQL it does nothing.
 */
export async function tuneSqliteForBulk(m: MutualisDb): Promise<() => Promise<void>> {
  if (m.dialect !== 'sqlite') return async () => {};
  const cache = await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(m.db);
  const previousCache = Number(cache.rows[0]?.cache_size ?? -2000);
  await sql`PRAGMA cache_size = ${sql.raw(String(-BULK_CACHE_KIB))}`.execute(m.db);
  return async () => {
    await sql`PRAGMA cache_size = ${sql.raw(String(Math.trunc(previousCache)))}`.execute(m.db);
  };
}
