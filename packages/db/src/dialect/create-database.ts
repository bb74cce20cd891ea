import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DomainError } from '@mutualis/core/errors';
import Sqlite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../schema';
import { type ConnectionErrorListener, createResilientPool } from './resilient-pool';
import { BusyRetryingSqliteDialect } from './sqlite-busy-retry';

export type DialectName = 'sqlite' | 'postgres';

/** Keyed by the Kysely instance, which copies of a `MutualisDb` (e.g. test wrappers) share. */
const sqliteHandles = new WeakMap<Kysely<Database>, Sqlite.Database>();

/**
 * The better-sqlite3 connection of a SQLite database opened by `createDatabase`, else null
 * (PostgreSQL): for this package's own uses (it is not exported). Statements run on it share
 * Kysely's single connection, hence its transactions.
 */
export function sqliteHandleOf(m: MutualisDb): Sqlite.Database | null {
  return sqliteHandles.get(m.db) ?? null;
}

/**
 * A reader of SQLite's `PRAGMA data_version` on the connection of `m`, else null (PostgreSQL). The
 * value changes when ANOTHER connection (another server process, a CLI command) has committed
 * since the last read, never for this connection's own commits: a process compares it before
 * answering to drop caches that another process's write made stale. One prepared statement, a
 * few microseconds a call.
 */
export function dataVersionReaderOf(m: MutualisDb): (() => number) | null {
  const handle = sqliteHandleOf(m);
  if (!handle) return null;
  const statement = handle.prepare('PRAGMA data_version').pluck();
  return () => Number(statement.get());
}

/** An open database: the Kysely instance, which dialect it speaks, and how to close it. */
export interface MutualisDb {
  db: Kysely<Database>;
  dialect: DialectName;
  /** Closes every connection; on PostgreSQL, resolves once their sockets are closed. */
  close(): Promise<void>;
  /**
   * Subscribes to the errors of connections that died outside a query (PostgreSQL restarted,
   * failed over, or terminated them); the pool has dropped them and reconnects on the next query.
   * Returns the unsubscription. SQLite has none.
   */
  onConnectionError(listener: ConnectionErrorListener): () => void;
}

export interface CreateDatabaseOptions {
  /**
   * SQLite: how long one statement may block the process waiting for another process's write lock
   * (`busy_timeout`); 5,000 ms by default, right for a command-line process. A server passes a few
   * milliseconds: its queries then wait asynchronously (`busyWaitMs`) and other requests go on.
   */
  busyTimeoutMs?: number;
  /** SQLite: total wait for the write lock before a query fails with `unavailable`; 5,000 ms by default. */
  busyWaitMs?: number;
}

const DEFAULT_BUSY_MS = 5_000;
/** Longest wait of `close()` for PostgreSQL to close the sockets of the connections it ended. */
const CLOSE_WAIT_MS = 5_000;

/**
 * Opens `sqlite:<path>` (parent directory created; `sqlite::memory:` allowed) or
 * `postgres://…` / `postgresql://…`. Throws `DomainError('invalid_config')` for any other URL.
 */
export async function createDatabase(url: string, options: CreateDatabaseOptions = {}): Promise<MutualisDb> {
  if (url.startsWith('sqlite:')) return openSqlite(url.slice('sqlite:'.length).replace(/^\/\//, ''), options);
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgres(url);
  throw new DomainError('invalid_config', 'URL de base de données non reconnue.', {
    issues: [{ field: 'databaseUrl', reason: 'Utilisez sqlite:<chemin> ou postgres://…' }],
  });
}

/** Page cache of each SQLite connection, in KiB. */
const SQLITE_CACHE_KIB = 32_768;

/** Page size of the SQLite files this code creates, in bytes. */
const SQLITE_PAGE_SIZE = 16_384;

function openSqlite(path: string, options: CreateDatabaseOptions): MutualisDb {
  if (path === '')
    throw new DomainError('invalid_config', 'Chemin SQLite vide.', { issues: [{ field: 'databaseUrl', reason: 'Chemin vide' }] });
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const database = new Sqlite(path);
  // 16 KiB pages for a new file (an existing one keeps its own): SQLite alone writes the rows of a
  // million-record DECP import with ~40 % less CPU than with 4 KiB pages (docs/benchmarks.md).
  database.pragma(`page_size = ${SQLITE_PAGE_SIZE}`);
  // WAL + NORMAL: durable across process crashes (not power loss of the last commits), readers never block the writer.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma(`busy_timeout = ${Math.max(0, Math.round(options.busyTimeoutMs ?? DEFAULT_BUSY_MS))}`);
  // 32 MiB of page cache (SQLite's default is 2 MiB): it holds the inner pages of every index of a
  // national-size database, which a bulk import otherwise re-reads from the file at each insert
  // (docs/benchmarks.md). At most that much more memory per connection, only once the pages are read.
  database.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
  const dialect = new BusyRetryingSqliteDialect(
    { database: withStatementCache(database) },
    { waitMs: options.busyWaitMs ?? DEFAULT_BUSY_MS, isInTransaction: () => database.inTransaction },
  );
  const db = new Kysely<Database>({ dialect });
  sqliteHandles.set(db, database);
  return { db, dialect: 'sqlite', close: () => db.destroy(), onConnectionError: () => () => {} };
}

/** Prepared statements kept per connection; Kysely's SQL text varies only with `in (…)` list lengths and batch sizes. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every query anew; parsing and planning the SQL cost as much as
 * running a small query. This wrapper reuses the prepared statement of an identical SQL text
 * (least recently used evicted). Safe because Kysely runs one query at a time on the single
 * connection (its mutex also covers streamed queries), and SQLite re-prepares a statement itself
 * when the schema changes (migrations).
 */
function withStatementCache(database: Sqlite.Database) {
  const statements = new Map<string, Sqlite.Statement>();
  return {
    close: () => database.close(),
    prepare(text: string): Sqlite.Statement {
      // Kysely opens transactions with a deferred `begin`: one that reads, then writes after another
      // process committed, fails at once with SQLITE_BUSY (its snapshot is stale; busy_timeout does
      // not apply). `begin immediate` takes the write lock first, waiting up to busy_timeout for it.
      const sql = text === 'begin' ? 'begin immediate' : text;
      const cached = statements.get(sql);
      if (cached) {
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > STATEMENT_CACHE_SIZE) {
        const oldest = statements.keys().next().value;
        if (oldest !== undefined) statements.delete(oldest);
      }
      return statement;
    },
  };
}

async function openPostgres(url: string): Promise<MutualisDb> {
  const resilient = createResilientPool({ connectionString: url, types: numericTypes(), max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: resilient.pool }) });
  // pg-pool's end() resolves before the sockets close: a caller that then drops the database
  // (tests: DROP DATABASE … WITH (FORCE)) would have PostgreSQL terminate connections still open.
  const close = async () => {
    await db.destroy();
    await resilient.untilConnectionsClosed(CLOSE_WAIT_MS);
  };
  try {
    await resilient.pool.query('select 1');
  } catch (error) {
    await close();
    throw error;
  }
  return { db, dialect: 'postgres', close, onConnectionError: resilient.onConnectionError };
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** int8 (bigint money, count(*)) and numeric (sum of bigint) come back as JS numbers, never strings. */
function numericTypes(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  types.setTypeParser(INT8_OID, parseSafeInteger);
  types.setTypeParser(NUMERIC_OID, parseNumeric);
  return types;
}

function parseSafeInteger(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value ${text} exceeds Number.MAX_SAFE_INTEGER`);
  return value;
}

function parseNumeric(text: string): number {
  const value = Number(text);
  // A sum of integer cents must stay exact: refuse integers past 2^53 rather than round them.
  if (Number.isInteger(value) && !Number.isSafeInteger(value))
    throw new RangeError(`numeric value ${text} exceeds Number.MAX_SAFE_INTEGER`);
  return value;
}
