import type { Migration } from 'kysely';
import * as foundation from './202611280700_foundation';

/** Every migration, in order. Add new files here (name: YYYYMMDDHHMM_description.ts). */
export const migrations: Record<string, Migration> = {
  '202611280700_foundation': foundation,
};
