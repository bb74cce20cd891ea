import { type AnalysedOpportunity, createFamilyResolver, type RunningContract } from '@mutualis/core';
import type { TerritoryAnalysis } from './analyse-territory-use-case';

/** Running contracts of the opportunity's members that fall in its family (the bars of its Gantt chart). */
export function familyContractsOf(analysis: TerritoryAnalysis, opportunity: AnalysedOpportunity): RunningContract[] {
  const memberIds = new Set(opportunity.members.map((m) => m.organizationId));
  const resolver = createFamilyResolver({ families: analysis.input.families, level: analysis.result.parameters.familyLevel });
  return analysis.data.runningContracts.filter(
    (c) => memberIds.has(c.organizationId) && resolver.families[resolver.resolve(c.cpvCode, c.label)]?.key === opportunity.family.key,
  );
}
