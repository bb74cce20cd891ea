import type { AnalysedOpportunity } from '@mutualis/core';
import { type Actor, hasRoleIn } from '../../authz/actor';

/** Who reads an analysis: facilitators and observers see everything; a member buyer its own organizations only. */
export interface OpportunityViewer {
  seesAll: boolean;
  organizationIds: ReadonlySet<string>;
}

export function viewerOf(actor: Actor, territoryId: string): OpportunityViewer {
  const seesAll = hasRoleIn(actor, territoryId, ['facilitator', 'observer']);
  const own = actor.grants.filter((g) => g.territoryId === territoryId && g.role === 'member' && g.organizationId !== null);
  return { seesAll, organizationIds: new Set(own.map((g) => g.organizationId ?? '')) };
}

/** A member buyer sees only the opportunities its organization is in. */
export function canSeeOpportunity(viewer: OpportunityViewer, opportunity: AnalysedOpportunity): boolean {
  return viewer.seesAll || opportunity.members.some((m) => viewer.organizationIds.has(m.organizationId));
}

/** Whether the viewer may see this organization's amounts and prices. */
export function canSeePricesOf(viewer: OpportunityViewer, organizationId: string): boolean {
  return viewer.seesAll || viewer.organizationIds.has(organizationId);
}
