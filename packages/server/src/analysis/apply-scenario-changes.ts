import {
  type AnalysedOpportunity,
  type AnalysisInput,
  createFamilyResolver,
  DEFAULT_ANALYSIS_PARAMETERS,
  DomainError,
  type FieldIssue,
  type Need,
  type Organization,
} from '@mutualis/core';

/** What-if changes to one opportunity (organization ids of the territory). */
export interface ScenarioChanges {
  join: readonly string[];
  leave: readonly string[];
  postpone: readonly { organizationId: string; months: number }[];
}

export interface ApplyScenarioChangesOptions {
  input: AnalysisInput;
  opportunity: AnalysedOpportunity;
  changes: ScenarioChanges;
}

/**
 * The analysis input as if the changes were made. Joining places the organization in the
 * opportunity's cell (same département, région, EPCI and position as a member) and counts its
 * proposed needs of the family as confirmed; leaving removes its needs of this opportunity only;
 * postponing delays its entry. Core's `runScenario` takes one change; this composes several.
 */
export function applyScenarioChanges({ input, opportunity, changes }: ApplyScenarioChangesOptions): AnalysisInput {
  const issues = checkChanges(input, opportunity, changes);
  if (issues.length > 0) throw DomainError.validation('Scénario impossible sur cette opportunité.', issues);
  const joiners = new Set(changes.join);
  const joiningNeedIds = new Set(changes.join.flatMap((id) => familyNeedsOf(input, opportunity, id).map((n) => n.id)));
  const leavingNeedIds = new Set(opportunity.members.filter((m) => changes.leave.includes(m.organizationId)).flatMap((m) => m.needIds));
  const anchor = input.organizations.find((o) => o.id === opportunity.members[0]?.organizationId);
  const relocate = (o: Organization): Organization =>
    anchor && joiners.has(o.id)
      ? { ...o, departementCode: anchor.departementCode, regionCode: anchor.regionCode, epciSiren: anchor.epciSiren }
      : o;
  const anchorPosition = anchor ? input.positions?.[anchor.id] : undefined;
  const positions = { ...input.positions };
  if (anchorPosition) for (const id of joiners) positions[id] = anchorPosition;
  const postponements = { ...input.postponements };
  for (const p of changes.postpone) postponements[p.organizationId] = (postponements[p.organizationId] ?? 0) + p.months;
  const coordinator = input.parameters?.coordinator ?? DEFAULT_ANALYSIS_PARAMETERS.coordinator;
  const overrides = { ...coordinator.overrides };
  // An imposed coordinator that leaves can no longer be imposed on this opportunity.
  if (changes.leave.includes(overrides[opportunity.id] ?? '')) delete overrides[opportunity.id];
  return {
    ...input,
    organizations: input.organizations.map(relocate),
    needs: input.needs
      .filter((n) => !leavingNeedIds.has(n.id))
      .map((n): Need => (joiningNeedIds.has(n.id) && n.status === 'proposed' ? { ...n, status: 'confirmed' } : n)),
    positions,
    postponements,
    parameters: { ...input.parameters, coordinator: { ...coordinator, overrides } },
  };
}

/** The organization's needs (not rejected) that fall in the opportunity's family. */
function familyNeedsOf(input: AnalysisInput, opportunity: AnalysedOpportunity, organizationId: string): Need[] {
  const resolver = createFamilyResolver({ families: input.families, level: input.parameters?.familyLevel ?? 'class' });
  return input.needs.filter(
    (n) =>
      n.organizationId === organizationId &&
      n.status !== 'rejected' &&
      resolver.families[resolver.resolve(n.cpvCode, n.label)]?.key === opportunity.family.key,
  );
}

function checkChanges(input: AnalysisInput, opportunity: AnalysedOpportunity, changes: ScenarioChanges): FieldIssue[] {
  const memberIds = new Set(opportunity.members.map((m) => m.organizationId));
  const known = new Set(input.organizations.map((o) => o.id));
  const issues: FieldIssue[] = [];
  changes.join.forEach((id, i) => {
    const field = `join.${i}`;
    if (!known.has(id)) issues.push({ field, reason: 'Organisation inconnue dans ce territoire.' });
    else if (memberIds.has(id)) issues.push({ field, reason: 'Cette organisation est déjà membre de l’opportunité.' });
    else if (familyNeedsOf(input, opportunity, id).length === 0)
      issues.push({ field, reason: `Cette organisation n’a aucun besoin de la famille « ${opportunity.family.label} ».` });
  });
  changes.leave.forEach((id, i) => {
    if (!memberIds.has(id)) issues.push({ field: `leave.${i}`, reason: 'Cette organisation n’est pas membre de l’opportunité.' });
  });
  changes.postpone.forEach((p, i) => {
    if (!memberIds.has(p.organizationId))
      issues.push({ field: `postpone.${i}.organizationId`, reason: 'Cette organisation n’est pas membre de l’opportunité.' });
  });
  return issues;
}
