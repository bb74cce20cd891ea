import type { Need, NeedStatus } from '@mutualis/core';
import { type Kysely } from 'kysely';
import type { Database } from '../schema';
import { type ListPage, type ListResult } from './list-page';
export type NewNeed = Omit<Need, 'id'> & {
  id?: string;
};
export type NeedPatch = Partial<Omit<Need, 'id'>>;
export interface NeedFilter {
  /** Needs of the organizations that are members of this territory. */
  territoryId?: string;
  organizationId?: string;
  /** CPV code prefix: `34` (division) … `34927100` (exact code). */
  cpvPrefix?: string;
  /** Département of the buying organization. */
  departementCode?: string;
  status?: NeedStatus;
  /** Substring of the label. */
  q?: string;
}
export declare function createNeedRepository(db: Kysely<Database>): {
  insert(input: NewNeed): Promise<Need>;
  /** Inserts many needs with multi-row INSERTs (imports); call inside `withTransaction` for all-or-nothing. */
  /** With `importId`, the rows carry it: undoing that import removes them. */
  insertMany(
    inputs: readonly NewNeed[],
    options?: {
      importId?: string;
    },
  ): Promise<number>;
  update(id: string, patch: NeedPatch): Promise<Need | undefined>;
  delete(id: string): Promise<boolean>;
  statsByOrganization(
    territoryId: string,
    options?: import('./need-stats').NeedStatsOptions,
  ): Promise<import('./need-stats').OrganizationNeedStats[]>;
  statsByCpvDivision(
    territoryId: string,
    options?: import('./need-stats').NeedStatsOptions,
  ): Promise<import('./need-stats').CpvDivisionNeedStats[]>;
  getById(id: string): Promise<Need | undefined>;
  /**
   * Needs matching every given filter, ordered by CPV code, label, id. The page is read along
   * `needs_list_order_idx` (territory membership tested per row with EXISTS, so the scan stops
   * after `offset + limit` matches); the count looks the territory's members up first (IN), the
   * cheaper plan when every matching row is visited anyway.
   */
  list(filter?: NeedFilter, page?: ListPage): Promise<ListResult<Need>>;
  /** Every need of the territory's member organizations (input of the pooling analysis). */
  listForTerritory(territoryId: string): Promise<Need[]>;
};
export type NeedRepository = ReturnType<typeof createNeedRepository>;
