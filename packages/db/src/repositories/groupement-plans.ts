import type { Kysely } from 'kysely';
import { nowIso } from '../dialect/now-iso';
import type { Database } from '../schema';

/** Planned launch date of each groupement (the dashboard calendar reads it). */
export function createGroupementPlanRepository(db: Kysely<Database>) {
  return {
    async get(groupementId: string): Promise<{ plannedLaunchOn: string | null }> {
      const row = await db
        .selectFrom('groupement_plans')
        .select('planned_launch_on')
        .where('groupement_id', '=', groupementId)
        .executeTakeFirst();
      return { plannedLaunchOn: row?.planned_launch_on ?? null };
    },

    /** Planned launch dates of several groupements; missing ones are absent from the map. */
    async listByGroupements(groupementIds: readonly string[]): Promise<Map<string, string | null>> {
      if (groupementIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('groupement_plans')
        .selectAll()
        .where('groupement_id', 'in', [...groupementIds])
        .execute();
      return new Map(rows.map((r) => [r.groupement_id, r.planned_launch_on]));
    },

    async upsert(groupementId: string, plannedLaunchOn: string | null): Promise<void> {
      const values = { planned_launch_on: plannedLaunchOn, updated_at: nowIso() };
      await db
        .insertInto('groupement_plans')
        .values({ groupement_id: groupementId, ...values })
        .onConflict((oc) => oc.column('groupement_id').doUpdateSet(values))
        .execute();
    },
  };
}

export type GroupementPlanRepository = ReturnType<typeof createGroupementPlanRepository>;
