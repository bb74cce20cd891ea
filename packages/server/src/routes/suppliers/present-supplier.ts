import type { SupplierDto } from '@mutualis/contract';
import type { Organization, SupplierProfile } from '@mutualis/core';
import type { Actor } from '../../authz/actor';
import { canSeeSupplierCapacities } from '../../authz/visibility';

/** The API view of a supplier: capacities blanked for member buyers (published fields only). */
export function presentSupplier(
  actor: Actor,
  territoryIds: readonly string[],
  organization: Organization,
  profile: SupplierProfile,
): SupplierDto {
  const full = canSeeSupplierCapacities(actor, territoryIds, organization.id);
  return {
    organization,
    profile: { ...profile, products: profile.products.map((p) => ({ ...p, annualCapacity: full ? p.annualCapacity : null })) },
  };
}
