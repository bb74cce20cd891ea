import type { Kysely } from 'kysely';
import type { Database } from '../schema';
/** Planned launch date of each groupement (the dashboard calendar reads it). */
export declare function createGroupementPlanRepository(db: Kysely<Database>): {
  get(groupementId: string): Promise<{
    plannedLaunchOn: string | null;
  }>;
  /** Planned launch dates of several groupements; missing ones are absent from the map. */
  listByGroupements(groupementIds: readonly string[]): Promise<Map<string, string | null>>;
  upsert(groupementId: string, plannedLaunchOn: string | null): Promise<void>;
};
export type GroupementPlanRepository = ReturnType<typeof createGroupementPlanRepository>;
