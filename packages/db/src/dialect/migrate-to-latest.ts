import { Migrator } from 'kysely';
import { migrations } from '../migrations';
import type { MutualisDb } from './create-database';

/** Applies every pending migration of `migrations/index.ts`; throws the first failure. */
export async function migrateToLatest(m: MutualisDb): Promise<void> {
  const migrator = new Migrator({ db: m.db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) throw error instanceof Error ? error : new Error(String(error));
}
