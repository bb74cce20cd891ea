import type { GroupementDto } from '@mutualis/contract';
import type { Groupement, Organization, PurchaseFamily } from '@mutualis/core';
import { resolveGroupementFamily } from '../../groupements';

/** The API shape of a groupement: its family resolved and its members named. */
export function presentGroupement(
  groupement: Groupement,
  organizations: ReadonlyMap<string, Pick<Organization, 'name' | 'siret' | 'kind'>>,
  families: readonly PurchaseFamily[],
): GroupementDto {
  const family = resolveGroupementFamily(groupement.familyId, families);
  return {
    id: groupement.id,
    territoryId: groupement.territoryId,
    name: groupement.name,
    familyId: groupement.familyId,
    familyName: family.name,
    cpvCodes: family.cpvCodes,
    members: groupement.memberIds.map((id) => ({
      organizationId: id,
      name: organizations.get(id)?.name ?? id,
      siret: organizations.get(id)?.siret ?? '',
      kind: organizations.get(id)?.kind ?? 'other_public',
      isCoordinator: groupement.coordinatorIds.includes(id),
    })),
    coordinatorIds: groupement.coordinatorIds,
    mandateScope: groupement.mandateScope,
    status: groupement.status,
    isPermanent: groupement.isPermanent,
    admissionsBy: groupement.admissionsBy,
  };
}
