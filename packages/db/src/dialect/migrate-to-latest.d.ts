import type { MutualisDb } from './create-database';
/** Applies every pending migration of `migrations/index.ts`; throws the first failure. */
export declare function migrateToLatest(m: MutualisDb): Promise<void>;
