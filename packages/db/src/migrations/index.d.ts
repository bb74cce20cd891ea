import type { Migration } from 'kysely';
/** Every migration, in order. Add new files here (name: YYYYMMDDHHMM_description.ts). */
export declare const migrations: Record<string, Migration>;
