import type { OpportunityListDto, OpportunitySort } from '@mutualis/contract';
import type { AnalysedOpportunity } from '@mutualis/core';
import type { TerritoryAnalysis } from '../../analysis';
import { canSeeOpportunity, type OpportunityViewer } from './opportunity-viewer';
import { presentOpportunitySummary } from './present-opportunity';

export interface OpportunityListOptions {
  /** False for another analysis than the reference one (its totals are withheld from members). */
  isReference?: boolean;
  family?: string;
  departement?: string;
  sort: OpportunitySort;
  limit: number;
  offset: number;
  /** Also list the rarely pooled opportunities (hidden by default). */
  includeRare?: boolean;
}

const COMPARE: Record<OpportunitySort, (a: AnalysedOpportunity, b: AnalysedOpportunity) => number> = {
  poolability: (a, b) => a.rank - b.rank,
  amount: (a, b) => b.annualAmountCents - a.annualAmountCents || a.rank - b.rank,
  savings: (a, b) => b.savings.central - a.savings.central || a.rank - b.rank,
  startDate: (a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.rank - b.rank),
};

/** The page of opportunities the viewer may see, filtered and sorted, with the coordinators' loads. */
export function listOpportunities(
  analysis: TerritoryAnalysis,
  viewer: OpportunityViewer,
  options: OpportunityListOptions,
): OpportunityListDto {
  const organizations = new Map(analysis.data.organizations.map((o) => [o.id, o]));
  const { family, departement, sort, limit, offset, includeRare = false, isReference = true } = options;
  const filtered = analysis.result.opportunities
    .filter((o) => canSeeOpportunity(viewer, o))
    .filter((o) => family === undefined || o.family.key === family || o.family.familyId === family)
    .filter(
      (o) => departement === undefined || o.members.some((m) => organizations.get(m.organizationId)?.departementCode === departement),
    );
  const rareCount = filtered.reduce((count, o) => count + (o.poolability.isRare ? 1 : 0), 0);
  const matching = (includeRare ? filtered : filtered.filter((o) => !o.poolability.isRare)).sort(COMPARE[sort]);
  const coordinatorLoads = Object.entries(analysis.result.coordinatorLoads)
    .map(([organizationId, load]) => {
      const organization = organizations.get(organizationId);
      return { organizationId, siret: organization?.siret ?? '', name: organization?.name ?? '', load };
    })
    .sort((a, b) => b.load - a.load || a.name.localeCompare(b.name, 'fr'));
  return {
    items: matching.slice(offset, offset + limit).map((o) => presentOpportunitySummary(o, viewer, organizations, isReference)),
    total: matching.length,
    limit,
    offset,
    now: analysis.result.now,
    coordinatorLoads,
    rareCount,
    scopeNote: analysis.result.scopeNote,
  };
}
