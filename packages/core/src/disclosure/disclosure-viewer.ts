/**
 * Who reads a figure. The territory's staff (facilitator, observer) reads every figure of the
 * territory; anybody else acts for a set of organizations (a member buyer for its own, later a
 * private member for its firm; a supplier or the public for none) and reads what the disclosure
 * rule lets it read (`decideDisclosure`).
 */
export type DisclosureViewer = { kind: 'staff' } | { kind: 'organizations'; organizationIds: ReadonlySet<string> };

/** The staff of the territory: every figure. */
export const STAFF_VIEWER: DisclosureViewer = { kind: 'staff' };

/** A viewer acting for these organizations only. */
export function viewerActingFor(organizationIds: Iterable<string>): DisclosureViewer {
  return { kind: 'organizations', organizationIds: new Set(organizationIds) };
}

/** Whether the viewer reads every figure. */
export function seesEveryFigure(viewer: DisclosureViewer): boolean {
  return viewer.kind === 'staff';
}

/** Whether the viewer acts for this organization (its own figures). */
export function actsFor(viewer: DisclosureViewer, organizationId: string): boolean {
  return viewer.kind === 'organizations' && viewer.organizationIds.has(organizationId);
}

/**
 * A key such that two viewers with the same key are shown the same figures (caches of answers
 * are keyed by it): `*` for the staff, else the sorted organizations it acts for.
 */
export function disclosureKeyOf(viewer: DisclosureViewer): string {
  return viewer.kind === 'staff' ? '*' : [...viewer.organizationIds].sort().join(',');
}
