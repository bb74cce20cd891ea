import { type AnalysedOpportunity, DomainError, type IsoDate, type Need, type Organization, type RunningContract } from '@mutualis/core';
import type { Repositories } from '@mutualis/db';
import { type AnalysisCache, analyseTerritoryUseCase, familyContractsOf, type TerritoryAnalysis } from '../analysis';

/** An opportunity with the needs of its members and their organizations. */
export interface OpportunityDemand {
  opportunity: AnalysedOpportunity;
  needs: Need[];
  organizations: ReadonlyMap<string, Organization>;
  /** Running contracts of the members in the opportunity's family (past holders, for supply security). */
  contracts: RunningContract[];
}

export interface LoadOpportunityDemandOptions {
  repos: Repositories;
  territorySlug: string;
  opportunityId: string;
  at: IsoDate;
  cache?: AnalysisCache<TerritoryAnalysis>;
}

/** Finds an opportunity of the territory's analysis at `at`; not_found when it does not exist. */
export async function loadOpportunityDemand(options: LoadOpportunityDemandOptions): Promise<OpportunityDemand> {
  const { repos, territorySlug, opportunityId, at, cache } = options;
  const analysis = await analyseTerritoryUseCase({ repos, territorySlug, at, cache });
  const opportunity = analysis.result.opportunities.find((o) => o.id === opportunityId);
  if (!opportunity) throw new DomainError('not_found', 'Opportunité introuvable à cette date.');
  const needIds = new Set(opportunity.members.flatMap((m) => m.needIds));
  return {
    opportunity,
    needs: analysis.data.needs.filter((n) => needIds.has(n.id)),
    organizations: new Map(analysis.data.organizations.map((o) => [o.id, o])),
    contracts: familyContractsOf(analysis, opportunity),
  };
}

export { deliveryCommunesOf } from '@mutualis/core';
