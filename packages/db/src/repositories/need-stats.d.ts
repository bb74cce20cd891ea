import type { NeedStatus } from '@mutualis/core';
import { type Kysely } from 'kysely';
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
/** Aggregations for the territory overview, computed in SQL. */
export declare function createNeedStats(db: Kysely<Database>): {
  /** One line per member organization (zero when it has no counted need), largest amount first. */
  statsByOrganization(territoryId: string, options?: NeedStatsOptions): Promise<OrganizationNeedStats[]>;
  /** One line per CPV division having counted needs of member organizations, by division code. */
  statsByCpvDivision(territoryId: string, options?: NeedStatsOptions): Promise<CpvDivisionNeedStats[]>;
};
