import type { Kysely } from 'kysely';
export declare function up(_db: Kysely<unknown>): Promise<void>;
export declare function down(_db: Kysely<unknown>): Promise<void>;
