import type { MutualisDb } from '@mutualis/db';
import { sql } from 'kysely';

/** Page cache for the import, in KiB (negative = KiB in SQLite's convention): holds the hot index pages (the indexes filled at random places being deferred on large imports, 32 MiB suffice; each doubling costs as much peak RSS). */
const BULK_CACHE_KIB = 32_768;

/**
 * On SQLite, enlarges the page cache and keeps temporary b-trees in memory for the duration of an
 * import (both are per-connection settings and the SQLite dialect has one connection); returns
 * the function that restores the previous values. Durability settings are left as configured.
 * On PostgreSQL it does nothing.
 */
export async function tuneSqliteForBulk(m: MutualisDb): Promise<() => Promise<void>> {
  if (m.dialect !== 'sqlite') return async () => {};
  const cache = await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(m.db);
  const temp = await sql<{ temp_store: number }>`PRAGMA temp_store`.execute(m.db);
  const previousCache = Number(cache.rows[0]?.cache_size ?? -2000);
  const previousTemp = Number(temp.rows[0]?.temp_store ?? 0);
  await sql`PRAGMA cache_size = ${sql.raw(String(-BULK_CACHE_KIB))}`.execute(m.db);
  await sql`PRAGMA temp_store = MEMORY`.execute(m.db);
  return async () => {
    await sql`PRAGMA cache_size = ${sql.raw(String(Math.trunc(previousCache)))}`.execute(m.db);
    await sql`PRAGMA temp_store = ${sql.raw(String(Math.trunc(previousTemp)))}`.execute(m.db);
  };
}
