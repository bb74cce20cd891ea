import type { NeedStatus } from '@mutualis/core';
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../schema';

/** Needs count and annual amount of one member organization of a territory. */
export interface OrganizationNeedStats {
  organizationId: string;
  organizationName: string;
  needsCount: number;
  annualAmountCents: number;
}

/** Needs count, annual amount and number of distinct buyers of one CPV division (first two digits). */
export interface CpvDivisionNeedStats {
  division: string;
  needsCount: number;
  annualAmountCents: number;
  organizationsCount: number;
}

export interface NeedStatsOptions {
  /** Statuses counted; by default confirmed and proposed (rejected needs are left out). */
  statuses?: readonly NeedStatus[];
}

const COUNTED_STATUSES: readonly NeedStatus[] = ['confirmed', 'proposed'];

/** Aggregations for the territory overview, computed in SQL. */
export function createNeedStats(db: Kysely<Database>) {
  return {
    /** One line per member organization (zero when it has no counted need), largest amount first. */
    async statsByOrganization(territoryId: string, options: NeedStatsOptions = {}): Promise<OrganizationNeedStats[]> {
      const statuses = [...(options.statuses ?? COUNTED_STATUSES)];
      const rows = await db
        .selectFrom('territory_members')
        .innerJoin('organizations', 'organizations.id', 'territory_members.organization_id')
        .leftJoin('needs', (join) => join.onRef('needs.organization_id', '=', 'organizations.id').on((eb) => statusIn(eb, statuses)))
        .where('territory_members.territory_id', '=', territoryId)
        .groupBy(['organizations.id', 'organizations.name'])
        .select((eb) => [
          'organizations.id as organizationId',
          'organizations.name as organizationName',
          eb.fn.count<number>('needs.id').as('needsCount'),
          eb.fn.coalesce(eb.fn.sum<number>('needs.annual_amount_cents'), sql<number>`0`).as('annualAmountCents'),
        ])
        .orderBy('annualAmountCents', 'desc')
        .orderBy('organizations.name')
        .orderBy('organizations.id')
        .execute();
      return rows;
    },

    /** One line per CPV division having counted needs of member organizations, by division code. */
    async statsByCpvDivision(territoryId: string, options: NeedStatsOptions = {}): Promise<CpvDivisionNeedStats[]> {
      const statuses = [...(options.statuses ?? COUNTED_STATUSES)];
      // Literal arguments (not bound parameters) so PostgreSQL sees the same expression in SELECT and GROUP BY.
      const division = sql<string>`substr(${sql.ref('needs.cpv_code')}, 1, 2)`;
      const rows = await db
        .selectFrom('needs')
        .innerJoin('territory_members', 'territory_members.organization_id', 'needs.organization_id')
        .where('territory_members.territory_id', '=', territoryId)
        .where((eb) => statusIn(eb, statuses))
        .groupBy(division)
        .select((eb) => [
          division.as('division'),
          eb.fn.countAll<number>().as('needsCount'),
          eb.fn.sum<number>('needs.annual_amount_cents').as('annualAmountCents'),
          eb.fn.count<number>('needs.organization_id').distinct().as('organizationsCount'),
        ])
        .orderBy(division)
        .execute();
      return rows;
    },
  };
}

/** `needs.status in (…)`, false for an empty list (an empty `in ()` is a syntax error in both dialects). */
function statusIn(eb: ExpressionBuilder<Database, 'needs'>, statuses: NeedStatus[]): Expression<SqlBool> {
  return statuses.length === 0 ? sql<SqlBool>`1 = 0` : eb('needs.status', 'in', statuses);
}
