import { type AdmissionDecider, DomainError, type Groupement, type MandateScope } from '@mutualis/core';
import type { Repositories } from '@mutualis/db';
import type { TerritoryAnalysis } from '../analysis';
import { familyIdOf } from './groupement-family';
import { checkGroupementMembers } from './check-groupement-members';

export interface CreateGroupementOptions {
  repos: Repositories;
  analysis: TerritoryAnalysis;
  opportunityId: string;
  name?: string;
  mandateScope: MandateScope;
  /** Default: the coordinator the analysis proposes. */
  coordinatorIds?: readonly string[];
  isPermanent: boolean;
  /** Who decides admissions (default: the facilitator). */
  admissionsBy?: AdmissionDecider;
}

/**
 * Creates a draft groupement from an opportunity of the analysis: its members join, the proposed
 * coordinator coordinates unless others are named (they must be members, L2113-7).
 */
export async function createGroupement(options: CreateGroupementOptions): Promise<Groupement> {
  const { repos, analysis, opportunityId } = options;
  const opportunity = analysis.result.opportunities.find((o) => o.id === opportunityId);
  if (!opportunity) {
    throw DomainError.validation('Opportunité introuvable à cette date.', [
      { field: 'opportunityId', reason: 'Aucune opportunité de l’analyse ne porte cet identifiant.' },
    ]);
  }
  const memberIds = opportunity.members.map((m) => m.organizationId);
  const coordinatorIds = [...(options.coordinatorIds ?? [opportunity.coordinator.organizationId])];
  checkGroupementMembers({ memberIds, coordinatorIds, territoryOrganizationIds: memberIds });
  return repos.groupements.insert({
    territoryId: analysis.data.territory.id,
    name: options.name ?? `Groupement ${opportunity.family.label} — ${opportunity.cell.label}`,
    familyId: familyIdOf(opportunity),
    memberIds,
    coordinatorIds,
    mandateScope: options.mandateScope,
    status: 'draft',
    isPermanent: options.isPermanent,
    admissionsBy: options.admissionsBy ?? 'facilitator',
  });
}
