import type { Territory } from '@mutualis/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
export type NewTerritory = Omit<Territory, 'id'> & {
  id?: string;
};
export type TerritoryPatch = Partial<Omit<Territory, 'id'>>;
export declare function createTerritoryRepository(db: Kysely<Database>): {
  getById: (id: string) => Promise<Territory | undefined>;
  getBySlug(slug: string): Promise<Territory | undefined>;
  /** All territories, or those whose id is in `ids`, ordered by name. */
  list(filter?: { ids?: readonly string[] }): Promise<Territory[]>;
  /** Throws `DomainError('conflict')` on a duplicate slug. */
  insert(input: NewTerritory): Promise<Territory>;
  update(id: string, patch: TerritoryPatch): Promise<Territory | undefined>;
  /** Deletes the territory and, by cascade, its memberships, roles, families and groupements. */
  delete(id: string): Promise<boolean>;
};
export type TerritoryRepository = ReturnType<typeof createTerritoryRepository>;
