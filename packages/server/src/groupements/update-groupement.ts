import { type AdmissionDecider, DomainError, type Groupement, type MandateScope } from '@mutualis/core';
import type { Repositories } from '@mutualis/db';
import { checkGroupementMembers } from './check-groupement-members';

export interface GroupementChanges {
  name?: string;
  mandateScope?: MandateScope;
  coordinatorIds?: readonly string[];
  memberIds?: readonly string[];
  isPermanent?: boolean;
  admissionsBy?: AdmissionDecider;
}

export interface UpdateGroupementOptions {
  repos: Repositories;
  groupement: Groupement;
  changes: GroupementChanges;
}

const ALL = { limit: 1_000_000, offset: 0 };

/** Changes a draft groupement; once past the draft (convention drafted, signed…) it is `conflict`. */
export async function updateGroupement({ repos, groupement, changes }: UpdateGroupementOptions): Promise<Groupement> {
  if (groupement.status !== 'draft') {
    throw new DomainError('conflict', 'Le groupement n’est plus un projet : sa composition et son mandat ne changent plus ici.');
  }
  const memberIds = [...(changes.memberIds ?? groupement.memberIds)];
  const coordinatorIds = [...(changes.coordinatorIds ?? groupement.coordinatorIds)];
  if (changes.memberIds !== undefined || changes.coordinatorIds !== undefined) {
    const organizations = await repos.organizations.list({ territoryId: groupement.territoryId }, ALL);
    checkGroupementMembers({ memberIds, coordinatorIds, territoryOrganizationIds: organizations.items.map((o) => o.id) });
  }
  const updated = await repos.groupements.update(groupement.id, {
    name: changes.name,
    mandateScope: changes.mandateScope,
    isPermanent: changes.isPermanent,
    admissionsBy: changes.admissionsBy,
    ...(changes.memberIds === undefined && changes.coordinatorIds === undefined ? {} : { memberIds, coordinatorIds }),
  });
  if (!updated) throw new DomainError('not_found', 'Groupement introuvable.');
  return updated;
}
