/**
 * The one error type of Mutualis. `code` is a stable string literal; the server maps it to an
 * HTTP status (see packages/server/src/errors/error-status.ts) and the CLI to an exit status.
 */
export const DOMAIN_ERROR_CODES = [
  /** A value failed validation (bad SIRET, CPV, INSEE code, date, amount...). `details` lists fields. */
  'validation_failed',
  /** Not logged in or the session expired. */
  'unauthenticated',
  /** Logged in but the role or scope does not allow the action. */
  'forbidden',
  /** The addressed resource does not exist (or is invisible to the caller). */
  'not_found',
  /** The action conflicts with the stored state (duplicate natural key, invalid transition). */
  'conflict',
  /** The request body or uploaded file is larger than the configured limit. */
  'payload_too_large',
  /** Too many attempts (login rate limit). */
  'rate_limited',
  /** The database cannot serve now: unreachable (PostgreSQL restarting, failover) or busy (SQLite write lock held by another process past the wait bound). Retry later. */
  'unavailable',
  /** An imported file could not be read at all (not JSON/XML/XLSX, wrong encoding). */
  'unreadable_file',
  /** Configuration from the environment is invalid. */
  'invalid_config',
  /** An unexpected internal failure. */
  'internal',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** One problem with one field: where it is (path, optionally file line/sheet/row) and why. */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `siret` or `needs.3.cpvCode`. */
  field: string;
  /** Human-readable reason, in French for end users. */
  reason: string;
  /** For imports: file name, record index or line, sheet, row and column. */
  file?: string;
  line?: number;
  record?: number;
  sheet?: string;
  row?: number;
  column?: string;
}

export interface DomainErrorDetails {
  issues?: FieldIssue[];
  [key: string]: unknown;
}

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: DomainErrorDetails | undefined;

  constructor(code: DomainErrorCode, message: string, details?: DomainErrorDetails) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }

  /** Shorthand for a validation error on fields. */
  static validation(message: string, issues: FieldIssue[]): DomainError {
    return new DomainError('validation_failed', message, { issues });
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
