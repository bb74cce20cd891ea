import type { Organization, SupplierProfile } from '@mutualis/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { type ListPage, type ListResult } from './list-page';
export interface SupplierFilter {
  /** Suppliers whose organization is a member of this territory. */
  territoryId?: string;
  /** Competence code the supplier declares. */
  competence?: string;
  /** CPV code prefix of one of its products. */
  cpvPrefix?: string;
}
/** A supplier profile with the organization it describes. */
export interface SupplierListItem {
  profile: SupplierProfile;
  organization: Organization;
}
export declare function createSupplierProfileRepository(db: Kysely<Database>): {
  getByOrganizationId(organizationId: string): Promise<SupplierProfile | undefined>;
  /** Profiles matching every given filter with their organization, ordered by organization name. */
  list(filter?: SupplierFilter, page?: ListPage): Promise<ListResult<SupplierListItem>>;
  /** Creates or replaces the profile of an organization. Unknown organization → `DomainError('validation_failed')`. */
  upsert(profile: SupplierProfile): Promise<SupplierProfile>;
  delete(organizationId: string): Promise<boolean>;
};
export type SupplierProfileRepository = ReturnType<typeof createSupplierProfileRepository>;
