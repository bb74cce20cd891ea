import { Migrator } from 'kysely';
import { migrations } from '../migrations';
import type { MutualisDb } from './create-database';

/**
 * Applies every pending migration of `migrations/index.ts`; throws the first failure. Migrations are
 * independent of each other's order within a release (each adds its own tables or columns), so one
 * written on a branch with an earlier timestamp than one already applied still runs.
 */
export async function migrateToLatest(m: MutualisDb): Promise<void> {
  const migrator = new Migrator({ db: m.db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) throw error instanceof Error ? error : new Error(String(error));
}
