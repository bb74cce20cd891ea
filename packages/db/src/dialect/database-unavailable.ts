import { DomainError } from '@mutualis/core/errors';

/** Seconds a client is told to wait (`Retry-After`) when the database cannot serve. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** Socket errors of a connection that cannot be made or was cut. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/**
 * PostgreSQL SQLSTATEs of a server that is going away or not there yet: class 08 (connection
 * exception), 57P01 admin shutdown (`pg_terminate_backend`, fast shutdown), 57P02 crash shutdown,
 * 57P03 cannot connect now (starting up, recovering), 53300 too many connections.
 */
const POSTGRES_CODES = /^(08\w{3}|57P0[123]|53300)$/;

/** Messages of pg and Kysely (which give no code) for a connection that died or could not be had in time. */
const DRIVER_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
  'Postgres connection has been discarded',
];

export type UnavailableKind = 'unreachable' | 'busy';

/**
 * Why the database could not serve this query — `unreachable` (PostgreSQL down, restarting,
 * connection cut) or `busy` (SQLite's write lock held by another process) — or null when the error
 * is anything else (a constraint, a bug).
 */
export function unavailableKindOf(error: unknown): UnavailableKind | null {
  if (typeof error !== 'object' || error === null) return null;
  const code: unknown = Reflect.get(error, 'code');
  if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) return 'busy';
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || POSTGRES_CODES.test(code))) return 'unreachable';
  const message: unknown = Reflect.get(error, 'message');
  if (typeof message === 'string' && DRIVER_MESSAGES.some((m) => message.startsWith(m))) return 'unreachable';
  // Node wraps the failures of a connection attempt to each address of a host name in one AggregateError.
  if (error instanceof AggregateError) return error.errors.some((e) => unavailableKindOf(e) === 'unreachable') ? 'unreachable' : null;
  return null;
}

/** The `unavailable` DomainError (HTTP 503 with Retry-After) for a database that is unreachable or busy. */
export function databaseUnavailable(kind: UnavailableKind): DomainError {
  const message =
    kind === 'busy'
      ? 'Base de données occupée par une autre écriture (un import en cours ?) : réessayez dans quelques instants.'
      : 'Base de données injoignable pour le moment (redémarrage ou bascule en cours ?) : réessayez dans quelques instants.';
  return new DomainError('unavailable', message, { reason: kind, retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS });
}
