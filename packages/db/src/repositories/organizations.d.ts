import type { Organization, OrganizationKind } from '@mutualis/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database, OrganizationTable } from '../schema';
import { type ListPage, type ListResult } from './list-page';
export type NewOrganization = Omit<Organization, 'id'> & {
  id?: string;
};
export type OrganizationPatch = Partial<Omit<Organization, 'id'>>;
export interface OrganizationFilter {
  territoryId?: string;
  kind?: OrganizationKind;
  departementCode?: string;
  /** Substring of the name, or of the SIRET (spaces ignored). */
  q?: string;
}
export declare function createOrganizationRepository(db: Kysely<Database>): {
  getById(id: string): Promise<Organization | undefined>;
  getBySiret(siret: string): Promise<Organization | undefined>;
  /** Organizations matching every given filter, ordered by name. */
  list(filter?: OrganizationFilter, page?: ListPage): Promise<ListResult<Organization>>;
  /** Throws `DomainError('conflict')` naming `siret` when the SIRET is already registered. */
  insert(input: NewOrganization): Promise<Organization>;
  /** Inserts, or updates the organization holding the same SIRET (its id is kept). */
  upsert(input: NewOrganization): Promise<Organization>;
  update(id: string, patch: OrganizationPatch): Promise<Organization | undefined>;
  /** Deletes the organization and, by cascade, its needs, contracts, profile and memberships. */
  delete(id: string): Promise<boolean>;
};
export type OrganizationRepository = ReturnType<typeof createOrganizationRepository>;
export declare function toOrganization(row: Selectable<OrganizationTable>): Organization;
