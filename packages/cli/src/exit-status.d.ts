import type { DomainErrorCode } from '@mutualis/core';
/** Bad command line (unknown command or flag). */
export declare const EXIT_USAGE = 2;
/** The one table from domain error codes to exit statuses (sysexits.h where one fits). */
export declare const EXIT_STATUS: Record<DomainErrorCode, number>;
