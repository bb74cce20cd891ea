import { type CreateDatabaseOptions, createDatabase, migrateToLatest, type MutualisDb } from '@mutualis/db';

/** Opens the database at `url` and applies pending migrations. */
export async function openMigratedDatabase(url: string, options: CreateDatabaseOptions = {}): Promise<MutualisDb> {
  const database = await createDatabase(url, options);
  try {
    await migrateToLatest(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
