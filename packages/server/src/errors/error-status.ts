import type { DomainErrorCode } from '@mutualis/core';

/** The one table from domain error codes to HTTP statuses. */
export const ERROR_STATUS: Record<DomainErrorCode, number> = {
  validation_failed: 400,
  unreadable_file: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  invalid_config: 500,
  internal: 500,
};
