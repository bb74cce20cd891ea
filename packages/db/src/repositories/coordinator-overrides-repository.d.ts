import type { Kysely } from 'kysely';
import type { Database } from '../schema';
/** A coordinator imposed by a facilitator for a family (every cell when `cellKey` is null, else one cell). */
export interface CoordinatorOverride {
  territoryId: string;
  /** Family key of the analysis (`famille:<id>` or `cpv:<level>:<code>`). */
  familyKey: string;
  /** Cell code of the analysis (`67`, `territoire`, …); null for every cell of the family. */
  cellKey: string | null;
  organizationId: string;
  updatedAt: string;
}
export type CoordinatorOverrideKey = Pick<CoordinatorOverride, 'territoryId' | 'familyKey' | 'cellKey'>;
export type NewCoordinatorOverride = Omit<CoordinatorOverride, 'updatedAt'>;
export declare function createCoordinatorOverrideRepository(db: Kysely<Database>): {
  /** Overrides of a territory, ordered by family then cell. */
  listForTerritory(territoryId: string): Promise<CoordinatorOverride[]>;
  /** Stores the override, replacing the one of the same (territory, family, cell). */
  upsert(input: NewCoordinatorOverride): Promise<CoordinatorOverride>;
  /** Removes the override; returns whether one existed. */
  delete(key: CoordinatorOverrideKey): Promise<boolean>;
};
export type CoordinatorOverrideRepository = ReturnType<typeof createCoordinatorOverrideRepository>;
