import type { Kysely } from 'kysely';
import { guardWrite } from '../dialect/write-error';
import type { Database } from '../schema';

const CONTEXT = { referenceField: 'organizationId' };

/** Which organizations belong to which territories (territory_members). */
export function createMembershipRepository(db: Kysely<Database>) {
  return {
    /** Idempotent: adding an existing membership does nothing. */
    async add(territoryId: string, organizationId: string): Promise<void> {
      await guardWrite(CONTEXT, () =>
        db
          .insertInto('territory_members')
          .values({ territory_id: territoryId, organization_id: organizationId })
          .onConflict((oc) => oc.columns(['territory_id', 'organization_id']).doNothing())
          .execute(),
      );
    },

    /** Returns whether a membership was removed. */
    async remove(territoryId: string, organizationId: string): Promise<boolean> {
      const result = await db
        .deleteFrom('territory_members')
        .where('territory_id', '=', territoryId)
        .where('organization_id', '=', organizationId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async listTerritoryIds(organizationId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('territory_members')
        .select('territory_id')
        .where('organization_id', '=', organizationId)
        .orderBy('territory_id')
        .execute();
      return rows.map((r) => r.territory_id);
    },

    async listOrganizationIds(territoryId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('territory_members')
        .select('organization_id')
        .where('territory_id', '=', territoryId)
        .orderBy('organization_id')
        .execute();
      return rows.map((r) => r.organization_id);
    },

    async isMember(territoryId: string, organizationId: string): Promise<boolean> {
      const row = await db
        .selectFrom('territory_members')
        .select('territory_id')
        .where('territory_id', '=', territoryId)
        .where('organization_id', '=', organizationId)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

export type MembershipRepository = ReturnType<typeof createMembershipRepository>;
