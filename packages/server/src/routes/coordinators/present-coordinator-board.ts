import type { CoordinatorBoardDto } from '@mutualis/contract';
import type { TerritoryAnalysis } from '../../analysis';
import { canSeeOpportunity, type OpportunityViewer } from '../opportunities/opportunity-viewer';

/** Per opportunity its coordinator (proposed or imposed), each member's total coordination load, and the stored overrides. */
export function presentCoordinatorBoard(analysis: TerritoryAnalysis, viewer: OpportunityViewer): CoordinatorBoardDto {
  const { result, data } = analysis;
  const organizations = new Map(data.organizations.map((o) => [o.id, o]));
  const loadOf = (organizationId: string) => result.coordinatorLoads[organizationId] ?? 0;
  const visible = result.opportunities.filter((o) => canSeeOpportunity(viewer, o));
  const coordinated = new Map<string, number>();
  for (const o of result.opportunities)
    coordinated.set(o.coordinator.organizationId, (coordinated.get(o.coordinator.organizationId) ?? 0) + 1);
  return {
    now: result.now,
    status: result.coordinatorStatus,
    items: visible.map((o) => ({
      opportunityId: o.id,
      family: { key: o.family.key, label: o.family.label },
      cell: { code: o.cell.code, label: o.cell.label },
      procedureKind: o.procedure.kind,
      coordinator: { organizationId: o.coordinator.organizationId, siret: o.coordinator.siret, name: o.coordinator.name },
      isOverride: o.coordinator.isOverride,
      members: o.members.map((m) => ({ organizationId: m.organizationId, name: m.name, load: loadOf(m.organizationId) })),
    })),
    workloads: [...coordinated.entries()]
      .map(([organizationId, count]) => {
        const organization = organizations.get(organizationId);
        return {
          organizationId,
          siret: organization?.siret ?? '',
          name: organization?.name ?? '',
          load: loadOf(organizationId),
          coordinatedCount: count,
        };
      })
      .sort((a, b) => b.load - a.load || a.name.localeCompare(b.name, 'fr')),
    overrides: analysis.overrides.map(({ familyKey, cellKey, organizationId, isApplied }) => ({
      familyKey,
      cellKey,
      organizationId,
      isApplied,
    })),
  };
}
