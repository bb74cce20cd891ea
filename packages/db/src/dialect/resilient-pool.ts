import pg from 'pg';

/** Receives the errors of connections that died outside any query (see `createResilientPool`). */
export type ConnectionErrorListener = (error: Error) => void;

export interface ResilientPool {
  pool: pg.Pool;
  /** Subscribes to connection errors; returns the unsubscription. */
  onConnectionError(listener: ConnectionErrorListener): () => void;
  /** Resolves once every connection the pool opened has closed its socket (after `pool.end()`), or after `timeoutMs`. */
  untilConnectionsClosed(timeoutMs: number): Promise<void>;
}

/** A connection attempt to a server that does not answer gives up after this (pg waits forever by default). */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * A pg pool that survives its server going away. PostgreSQL terminates connections on
 * `pg_terminate_backend`, a restart, a failover or a pooler's idle timeout; pg then emits `error`
 * on the client, and on the pool for an idle client, and an `error` event nobody listens to kills
 * the process. Here every client and the pool have a listener: the error goes to the
 * `onConnectionError` subscribers (the server logs it), pg-pool drops the dead client (idle: at
 * once; checked out: when it is released, as it is no longer queryable), and the next query opens a
 * new connection — failing fast (`CONNECT_TIMEOUT_MS`) while the server is unreachable.
 */
export function createResilientPool(config: pg.PoolConfig): ResilientPool {
  const pool = new pg.Pool({ connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true, ...config });
  const listeners = new Set<ConnectionErrorListener>();
  const open = new Set<pg.Client>();
  const closed = new Set<() => void>();
  pool.on('connect', (client: pg.Client) => {
    open.add(client);
    // Reported here, once per connection (a terminated one also reports its socket closing just
    // after); the pool re-emits the idle clients' errors (below).
    let isReported = false;
    client.on('error', (error: Error) => {
      if (isReported) return;
      isReported = true;
      for (const listener of listeners) listener(error);
    });
    client.once('end', () => {
      open.delete(client);
      if (open.size === 0) for (const resolve of closed) resolve();
    });
  });
  pool.on('error', () => {
    // Already reported by the client's own listener; pg-pool has removed the client.
  });
  return {
    pool,
    onConnectionError(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    untilConnectionsClosed(timeoutMs) {
      if (open.size === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          closed.delete(done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        closed.add(done);
      });
    },
  };
}
