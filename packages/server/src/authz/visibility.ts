import {
  type AnalysedOpportunity,
  canDisclose,
  type DisclosureViewer,
  decideDisclosure,
  disclosureKeyOf,
  STAFF_VIEWER,
  viewerActingFor,
  withheldReasonOf,
} from '@mutualis/core';
import type { Actor } from './actor';
import { hasRoleIn } from './actor';

/**
 * The caller as core's disclosure rule sees it in these territories: facilitators and observers
 * are the territory's staff (every figure); anybody else acts for the organizations of its member
 * grants there (none for a supplier). Every presenter and export asks `decideDisclosure` with it.
 */
export function disclosureViewerOf(actor: Actor, territoryIds: readonly string[]): DisclosureViewer {
  if (territoryIds.some((t) => hasRoleIn(actor, t, ['facilitator', 'observer']))) return STAFF_VIEWER;
  const own = actor.grants.flatMap((g) =>
    g.role === 'member' && g.organizationId !== null && territoryIds.includes(g.territoryId) ? [g.organizationId] : [],
  );
  return viewerActingFor(own);
}

/** Whether the caller may see this organization's own figures (unit prices, amounts): core's rule for one organization's figure. */
export function canSeePrices(actor: Actor, territoryIds: readonly string[], organizationId: string): boolean {
  return canDisclose(disclosureViewerOf(actor, territoryIds), { kind: 'organization', organizationId });
}

/** A key such that two callers with the same key are shown the same figures in these territories (cache keys). */
export function priceViewKey(actor: Actor, territoryIds: readonly string[]): string {
  return disclosureKeyOf(disclosureViewerOf(actor, territoryIds));
}

/** Whether the caller sees supplier capacities (facilitator, observer, or the firm itself); members see published fields only. */
export function canSeeSupplierCapacities(actor: Actor, territoryIds: readonly string[], organizationId: string): boolean {
  if (territoryIds.some((t) => hasRoleIn(actor, t, ['facilitator', 'observer']))) return true;
  return actor.grants.some((g) => g.role === 'supplier' && g.organizationId === organizationId);
}

/**
 * Whether an opportunity's pooled figures (totals, savings, shares) may be shown to the viewer:
 * core's rule for an aggregate of its members; `isReference` false for another analysis than the
 * reference one. Null when shown, else why not.
 */
export function totalsWithheldFor(viewer: DisclosureViewer, opportunity: AnalysedOpportunity, isReference: boolean) {
  const contributorIds = opportunity.members.map((m) => m.organizationId);
  return withheldReasonOf(decideDisclosure(viewer, { kind: 'aggregate', contributorIds, isVariant: !isReference }));
}
