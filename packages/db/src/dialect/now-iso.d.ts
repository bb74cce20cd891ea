/** The current instant as an ISO 8601 UTC timestamp (`2026-11-28T07:00:00.000Z`), the stored timestamp format. */
export declare function nowIso(): string;
