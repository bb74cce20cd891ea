import type Sqlite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { DecpTransaction } from './decp-row-writer';
/**
 * DECP row operations on SQLite as prepared statements run row by row: SQLite is in-process, so a
 * statement per row costs no round trip, and a prepared one costs no SQL building nor parsing
 * (compiling Kysely's multi-row statements cost as much as SQLite's own work, docs/benchmarks.md).
 * The transaction holds Kysely's single connection, so no other query of this process can slip into it.
 */
export declare function sqliteDecpTransaction(db: Kysely<Database>, database: Sqlite.Database): DecpTransaction;
