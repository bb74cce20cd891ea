import { sql } from 'kysely';
import type { MutualisDb } from './create-database';

/** Runs the cheapest query there is; rejects with the driver's error when the database cannot answer. */
export async function pingDatabase(m: MutualisDb): Promise<void> {
  await sql`select 1`.execute(m.db);
}
