import { type MutualisDb } from '@mutualis/db';
/** Opens the database at `url` and applies pending migrations. */
export declare function openMigratedDatabase(url: string): Promise<MutualisDb>;
