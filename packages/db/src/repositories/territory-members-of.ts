import { expressionBuilder } from 'kysely';
import type { Database } from '../schema';

/** The ids of a territory's member organisations, as a subquery a list filter tests its organisation against (`in`). */
export function territoryMembersOf(territoryId: string) {
  return expressionBuilder<Database, never>()
    .selectFrom('territory_members')
    .select('territory_members.organization_id')
    .where('territory_members.territory_id', '=', territoryId);
}
