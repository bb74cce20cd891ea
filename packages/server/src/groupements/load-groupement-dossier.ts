import { type AnalysedOpportunity, DomainError, type Groupement, type IsoDate, type Organization } from '@mutualis/core';
import type { Repositories } from '@mutualis/db';
import { type AnalysisCache, analyseTerritoryUseCase, type TerritoryAnalysis } from '../analysis';
import { findGroupementOpportunity, type GroupementFamily, resolveGroupementFamily } from './groupement-family';

/** A groupement with everything its documents need: members, family and the opportunity it came from. */
export interface GroupementDossier {
  groupement: Groupement;
  analysis: TerritoryAnalysis;
  /** Member organizations, in the groupement's member order. */
  members: Organization[];
  family: GroupementFamily;
  /** Null when today's analysis no longer finds the opportunity (needs changed since). */
  opportunity: AnalysedOpportunity | null;
}

export interface LoadGroupementDossierOptions {
  repos: Repositories;
  groupement: Groupement;
  at: IsoDate;
  cache?: AnalysisCache<TerritoryAnalysis>;
}

/** Loads the territory analysis at `at` and resolves the groupement's members, family and opportunity in it. */
export async function loadGroupementDossier({ repos, groupement, at, cache }: LoadGroupementDossierOptions): Promise<GroupementDossier> {
  const [territory] = await repos.territories.list({ ids: [groupement.territoryId] });
  if (!territory) throw new DomainError('not_found', 'Territoire du groupement introuvable.');
  const analysis = await analyseTerritoryUseCase({ repos, territorySlug: territory.slug, at, ...(cache ? { cache } : {}) });
  return dossierOf(groupement, analysis);
}

/** The dossier of a groupement within an analysis already computed (one analysis for many groupements). */
export function dossierOf(groupement: Groupement, analysis: TerritoryAnalysis): GroupementDossier {
  const byId = new Map(analysis.data.organizations.map((o) => [o.id, o]));
  const members = groupement.memberIds.flatMap((id) => {
    const organization = byId.get(id);
    return organization ? [organization] : [];
  });
  return {
    groupement,
    analysis,
    members,
    family: resolveGroupementFamily(groupement.familyId, analysis.data.families),
    opportunity: findGroupementOpportunity(analysis.result.opportunities, groupement) ?? null,
  };
}

/** Each member's estimated amount over the whole duration: its share of the opportunity's estimated value (R2121-1). */
export function estimatedAmountOf(dossier: GroupementDossier, organizationId: string): number {
  const opportunity = dossier.opportunity;
  const member = opportunity?.members.find((m) => m.organizationId === organizationId);
  if (!opportunity || !member || opportunity.annualAmountCents === 0) return 0;
  return Math.round((opportunity.estimatedValueCents * member.annualAmountCents) / opportunity.annualAmountCents);
}
