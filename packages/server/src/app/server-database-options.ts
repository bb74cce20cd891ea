import type { CreateDatabaseOptions } from '@mutualis/db';

/**
 * How the HTTP server opens its database. SQLite: a statement blocks the process at most 20 ms
 * for another process's write lock (better-sqlite3 waits synchronously, freezing every request),
 * then waits without blocking, up to 5 s in all, before answering 503 « base occupée ».
 */
export const SERVER_DATABASE_OPTIONS = { busyTimeoutMs: 20, busyWaitMs: 5_000 } as const satisfies CreateDatabaseOptions;
