import { type AnalysedOpportunity, actsFor, type DisclosureViewer, seesEveryFigure } from '@mutualis/core';
import type { Actor } from '../../authz/actor';
import { disclosureViewerOf } from '../../authz/visibility';
import type { AnalysisQuery } from './analyse-for-request';

/** Who reads an analysis: facilitators and observers see everything; a member buyer what core's disclosure rule lets it see. */
export type OpportunityViewer = DisclosureViewer;

export function viewerOf(actor: Actor, territoryId: string): OpportunityViewer {
  return disclosureViewerOf(actor, [territoryId]);
}

/** A member buyer sees only the opportunities its organization is in. */
export function canSeeOpportunity(viewer: OpportunityViewer, opportunity: AnalysedOpportunity): boolean {
  return seesEveryFigure(viewer) || opportunity.members.some((m) => actsFor(viewer, m.organizationId));
}

/**
 * Whether the analysis is the reference one (all needs, CPV classes; any date: the date moves the
 * calendar, not who pools what). Totals of another analysis split the same needs otherwise, and a
 * member comparing the two would isolate another member's needs: core's rule withholds them.
 */
export function isReferenceAnalysis(query: AnalysisQuery): boolean {
  return query.confirmedOnly !== true && (query.level === undefined || query.level === 'class');
}
