import type { DomainErrorCode } from '@mutualis/core';

/** Bad command line (unknown command or flag). */
export const EXIT_USAGE = 2;

/** The one table from domain error codes to exit statuses (sysexits.h where one fits). */
export const EXIT_STATUS: Record<DomainErrorCode, number> = {
  validation_failed: 65, // EX_DATAERR
  unreadable_file: 66, // EX_NOINPUT
  not_found: 66,
  conflict: 73, // EX_CANTCREAT
  unauthenticated: 77, // EX_NOPERM
  forbidden: 77,
  payload_too_large: 65,
  rate_limited: 75, // EX_TEMPFAIL
  unavailable: 75,
  invalid_config: 78, // EX_CONFIG
  internal: 70, // EX_SOFTWARE
};
