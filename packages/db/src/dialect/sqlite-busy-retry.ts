import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SqliteDialect,
  type SqliteDialectConfig,
  type TransactionSettings,
} from 'kysely';
import { databaseUnavailable, unavailableKindOf } from './database-unavailable';

export interface BusyRetryOptions {
  /** Longest total wait for the write lock before `unavailable` (503 « base occupée »). */
  waitMs: number;
  /** True while the connection is inside a transaction (a statement that fails there is not retried alone). */
  isInTransaction: () => boolean;
}

/** Pauses between attempts: short at first (most writes of another process last milliseconds), then 100 ms. */
const PAUSES_MS = [5, 10, 20, 40, 80, 100];

/**
 * Kysely's SQLite dialect, where a statement refused with SQLITE_BUSY (another process holds the
 * write lock: a long import, another server process) is tried again after an asynchronous pause,
 * until `waitMs` has passed; then it fails with `unavailable`. better-sqlite3 waits for a lock
 * only synchronously (`busy_timeout`), freezing every request of the process meanwhile; this wait
 * lets the event loop run, so a caller keeps `busy_timeout` short. Only statements outside a
 * transaction are retried — `begin immediate` (which takes the lock) and single writes — since a
 * failed one changed nothing; inside a transaction the lock is already held.
 */
export class BusyRetryingSqliteDialect extends SqliteDialect {
  readonly #options: BusyRetryOptions;

  constructor(config: SqliteDialectConfig, options: BusyRetryOptions) {
    super(config);
    this.#options = options;
  }

  override createDriver(): Driver {
    return new BusyRetryingDriver(super.createDriver(), this.#options);
  }
}

class BusyRetryingDriver implements Driver {
  readonly #inner: Driver;
  readonly #options: BusyRetryOptions;
  readonly #wrapped = new WeakMap<DatabaseConnection, DatabaseConnection>();

  constructor(inner: Driver, options: BusyRetryOptions) {
    this.#inner = inner;
    this.#options = options;
  }

  init(): Promise<void> {
    return this.#inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.#inner.acquireConnection();
    let wrapped = this.#wrapped.get(connection);
    if (!wrapped) {
      wrapped = retryingConnection(connection, this.#options);
      this.#wrapped.set(connection, wrapped);
    }
    return wrapped;
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.#inner.beginTransaction(connection, settings);
  }

  commitTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.commitTransaction(connection);
  }

  rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    return this.#inner.rollbackTransaction(connection);
  }

  savepoint(connection: DatabaseConnection, name: string, compile: Parameters<NonNullable<Driver['savepoint']>>[2]): Promise<void> {
    return this.#inner.savepoint?.(connection, name, compile) ?? Promise.resolve();
  }

  rollbackToSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['rollbackToSavepoint']>>[2],
  ): Promise<void> {
    return this.#inner.rollbackToSavepoint?.(connection, name, compile) ?? Promise.resolve();
  }

  releaseSavepoint(
    connection: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['releaseSavepoint']>>[2],
  ): Promise<void> {
    return this.#inner.releaseSavepoint?.(connection, name, compile) ?? Promise.resolve();
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.#inner.releaseConnection(connection);
  }

  destroy(): Promise<void> {
    return this.#inner.destroy();
  }
}

function retryingConnection(inner: DatabaseConnection, options: BusyRetryOptions): DatabaseConnection {
  return {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      const deadline = Date.now() + options.waitMs;
      for (let attempt = 0; ; attempt += 1) {
        try {
          return await inner.executeQuery<R>(query);
        } catch (error) {
          if (unavailableKindOf(error) !== 'busy' || options.isInTransaction()) throw error;
          const pause = PAUSES_MS[Math.min(attempt, PAUSES_MS.length - 1)] ?? 100;
          if (Date.now() + pause > deadline) throw databaseUnavailable('busy');
          await new Promise((resolve) => setTimeout(resolve, pause));
        }
      }
    },
    streamQuery: <R>(query: CompiledQuery, chunkSize?: number) => inner.streamQuery<R>(query, chunkSize),
  };
}
