import type { Groupement, GroupementStatus } from '@mutualis/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
export type NewGroupement = Omit<Groupement, 'id'> & {
  id?: string;
};
export type GroupementPatch = Partial<Omit<Groupement, 'id' | 'territoryId'>>;
/**
 * Groupements and their members. A coordinator is always a member: `memberIds` of a stored
 * groupement contains its `coordinatorIds`. Both lists come back sorted.
 */
export declare function createGroupementRepository(db: Kysely<Database>): {
  getById: (id: string) => Promise<Groupement | undefined>;
  /** Groupements of a territory (optionally of one status), ordered by name. */
  list(filter: { territoryId: string; status?: GroupementStatus }): Promise<Groupement[]>;
  insert(input: NewGroupement): Promise<Groupement>;
  /** Updates fields; `memberIds`/`coordinatorIds`, when given, replace the member list. */
  update(id: string, patch: GroupementPatch): Promise<Groupement | undefined>;
  delete(id: string): Promise<boolean>;
};
export type GroupementRepository = ReturnType<typeof createGroupementRepository>;
