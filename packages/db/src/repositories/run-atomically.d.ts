import type { Kysely } from 'kysely';
import type { Database } from '../schema';
/** Runs multi-statement writes in a transaction, joining the caller's one when already inside `withTransaction`. */
export declare function runAtomically<T>(db: Kysely<Database>, work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
