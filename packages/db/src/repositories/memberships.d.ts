import type { Kysely } from 'kysely';
import type { Database } from '../schema';
/** Which organizations belong to which territories (territory_members). */
export declare function createMembershipRepository(db: Kysely<Database>): {
  /** Idempotent: adding an existing membership does nothing. */
  add(territoryId: string, organizationId: string): Promise<void>;
  /** Returns whether a membership was removed. */
  remove(territoryId: string, organizationId: string): Promise<boolean>;
  listTerritoryIds(organizationId: string): Promise<string[]>;
  listOrganizationIds(territoryId: string): Promise<string[]>;
  isMember(territoryId: string, organizationId: string): Promise<boolean>;
};
export type MembershipRepository = ReturnType<typeof createMembershipRepository>;
