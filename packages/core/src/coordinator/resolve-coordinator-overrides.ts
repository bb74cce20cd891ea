import type { Opportunity } from '../pooling/opportunity';

/** A coordinator imposed for a family, in one cell or (cellKey null) in every cell. */
export interface OverrideRequest {
  familyKey: string;
  cellKey: string | null;
  organizationId: string;
}

export interface ResolvedOverrides {
  /** Opportunity id → imposed organization id, the form core's coordinator proposal takes. */
  byOpportunity: Record<string, string>;
  /** Whether each request (same order) applies to at least one opportunity. */
  isApplied: boolean[];
}

/**
 * Turns stored overrides into per-opportunity constraints. An override applies only where its
 * organization is still a member (it stays stored otherwise, shown as not applied); a per-cell
 * override wins over a family-wide one.
 */
export function resolveCoordinatorOverrides(
  requests: readonly OverrideRequest[],
  opportunities: readonly Pick<Opportunity, 'id' | 'family' | 'cell' | 'members'>[],
): ResolvedOverrides {
  const byOpportunity: Record<string, string> = {};
  const isApplied = requests.map(() => false);
  const ordered = requests.map((request, index) => ({ request, index })).sort((a, b) => specificity(a.request) - specificity(b.request));
  for (const { request, index } of ordered) {
    for (const o of opportunities) {
      const matches = o.family.key === request.familyKey && (request.cellKey === null || request.cellKey === o.cell.code);
      if (!matches || !o.members.some((m) => m.organizationId === request.organizationId)) continue;
      byOpportunity[o.id] = request.organizationId;
      isApplied[index] = true;
    }
  }
  return { byOpportunity, isApplied };
}

const specificity = (r: OverrideRequest) => (r.cellKey === null ? 0 : 1);
