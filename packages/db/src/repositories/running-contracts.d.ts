import type { RunningContract } from '@mutualis/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { type ListPage, type ListResult } from './list-page';
/** `decpProvenance` is written by the DECP import; a contract declared by hand has none. */
export type NewRunningContract = Omit<RunningContract, 'id' | 'decpProvenance'> & {
  id?: string;
  decpProvenance?: string[];
};
export type RunningContractPatch = Partial<Omit<RunningContract, 'id'>>;
export interface RunningContractFilter {
  /** Contracts of the organizations that are members of this territory. */
  territoryId?: string;
  organizationId?: string;
  cpvPrefix?: string;
  /** Département of the buying organization. */
  departementCode?: string;
  /** Substring of the label or the reference. */
  q?: string;
}
export declare function createRunningContractRepository(db: Kysely<Database>): {
  getById(id: string): Promise<RunningContract | undefined>;
  getByDecpId(decpId: string): Promise<RunningContract | undefined>;
  /** Contracts matching every given filter, ordered by start date, reference, id. */
  list(filter?: RunningContractFilter, page?: ListPage): Promise<ListResult<RunningContract>>;
  /** Every running contract of the territory's member organizations (input of calendar alignment). */
  listForTerritory(territoryId: string): Promise<RunningContract[]>;
  /** Throws `DomainError('conflict')` naming `decpId` when that DECP contract is already stored. */
  insert(input: NewRunningContract): Promise<RunningContract>;
  /** Inserts, or updates the contract with the same `decpId` (its id is kept). Re-importing DECP is idempotent. */
  upsert(input: NewRunningContract): Promise<RunningContract>;
  update(id: string, patch: RunningContractPatch): Promise<RunningContract | undefined>;
  delete(id: string): Promise<boolean>;
};
export type RunningContractRepository = ReturnType<typeof createRunningContractRepository>;
