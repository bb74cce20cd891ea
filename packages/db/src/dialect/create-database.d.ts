import Sqlite from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { Database } from '../schema';
export type DialectName = 'sqlite' | 'postgres';
/**
 * The better-sqlite3 connection of a SQLite database opened by `createDatabase`, else null
 * (PostgreSQL): for this package's own uses (it is not exported). Statements run on it share
 * Kysely's single connection, hence its transactions.
 */
export declare function sqliteHandleOf(m: MutualisDb): Sqlite.Database | null;
/**
 * A reader of SQLite's `PRAGMA data_version` on the connection of `m`, else null (PostgreSQL). The
 * value changes when ANOTHER connection (another server process, a CLI command) has committed
 * since the last read, never for this connection's own commits: a process compares it before
 * answering to drop caches that another process's write made stale. One prepared statement, a
 * few microseconds a call.
 */
export declare function dataVersionReaderOf(m: MutualisDb): (() => number) | null;
/** An open database: the Kysely instance, which dialect it speaks, and how to close it. */
export interface MutualisDb {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}
/**
 * Opens `sqlite:<path>` (parent directory created; `sqlite::memory:` allowed) or
 * `postgres://…` / `postgresql://…`. Throws `DomainError('invalid_config')` for any other URL.
 */
export declare function createDatabase(url: string): Promise<MutualisDb>;
