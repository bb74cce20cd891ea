import type { Cents, Need, Organization } from '../domain/types';
import { DomainError, type FieldIssue } from '../errors/domain-error';
import { type AnalysisInput, DEFAULT_ANALYSIS_PARAMETERS, resolveAnalysisParameters } from '../pooling/analysis-input';
import { createFamilyResolver } from '../pooling/family-resolver';
import type { AnalysedOpportunity } from './analyse-territory';

/** An organization joining; `annualAmountCents` is the facilitator's figure when it has no recorded need of the family (it then replaces any). */
export interface ScenarioJoin {
  organizationId: string;
  annualAmountCents?: Cents;
}

/** What-if changes to one opportunity (organization ids of the territory). */
export interface ScenarioChanges {
  join: readonly ScenarioJoin[];
  leave: readonly string[];
  postpone: readonly { organizationId: string; months: number }[];
}

export interface ApplyScenarioChangesOptions {
  input: AnalysisInput;
  opportunity: AnalysedOpportunity;
  changes: ScenarioChanges;
}

/** How a joining organization's need was set, for the explanation. */
export interface JoinedNeed {
  organizationId: string;
  annualAmountCents: Cents;
  /** True when the amount was entered for the scenario (no recorded need used). */
  isEntered: boolean;
  /** When a quantity was estimated from the group's largest need: its unit price and unit. */
  priceBasis: { unitPriceCents: Cents; unit: string; fromName: string } | null;
}

export interface AppliedScenario {
  input: AnalysisInput;
  joined: JoinedNeed[];
}

/** The organization's needs (not rejected) that fall in the opportunity's family. */
function familyNeedsOf(input: AnalysisInput, opportunity: AnalysedOpportunity, organizationId: string): Need[] {
  const resolver = createFamilyResolver({ families: input.families, level: resolveAnalysisParameters(input.parameters).familyLevel });
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
  changes.join.forEach(({ organizationId: id, annualAmountCents }, i) => {
    const field = `join.${i}`;
    if (!known.has(id)) issues.push({ field, reason: 'Organisation inconnue dans ce territoire.' });
    else if (memberIds.has(id)) issues.push({ field, reason: 'Cette organisation est déjà membre de l’opportunité.' });
    else if (annualAmountCents === undefined && familyNeedsOf(input, opportunity, id).length === 0)
      issues.push({
        field: `${field}.annualAmountCents`,
        reason: `Cette organisation n’a aucun besoin recensé de la famille « ${opportunity.family.label} » : indiquez son montant annuel estimé.`,
      });
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

/**
 * A need of the family for an organization without one: the CPV code and label of the group's
 * largest need (so the same family catches it) and, when that need has a unit price, the quantity
 * it buys at that price (so savings keep counting in quantities).
 */
function enteredNeed(input: AnalysisInput, opportunity: AnalysedOpportunity, organization: Organization, amount: Cents) {
  const memberNeedIds = new Set(opportunity.members.flatMap((m) => m.needIds));
  const template = input.needs
    .filter((n) => memberNeedIds.has(n.id))
    .reduce<Need | undefined>((best, n) => (best === undefined || n.annualAmountCents > best.annualAmountCents ? n : best), undefined);
  const hasPrice = template?.quantity != null && template.unitPriceCents != null && template.unitPriceCents > 0 && template.unit !== null;
  const need: Need = {
    id: `scenario:${organization.id}:${opportunity.family.key}`,
    organizationId: organization.id,
    cpvCode: template?.cpvCode ?? opportunity.family.cpvCodes[0] ?? '',
    label: template?.label ?? opportunity.family.label,
    quantity: hasPrice ? amount / (template.unitPriceCents as number) : null,
    unit: hasPrice ? template.unit : null,
    unitsPerPack: hasPrice ? template.unitsPerPack : null,
    unitPriceCents: hasPrice ? template.unitPriceCents : null,
    annualAmountCents: amount,
    amountIsDerived: false,
    deliveryCommunes: [organization.inseeCode],
    csrRequirements: [],
    qualityRequirements: '',
    confidence: 'indicative',
    status: 'confirmed',
    source: 'manual',
    sourceRef: null,
  };
  const fromName = opportunity.members.find((m) => m.organizationId === template?.organizationId)?.name ?? '';
  const priceBasis = hasPrice ? { unitPriceCents: template.unitPriceCents as number, unit: template.unit as string, fromName } : null;
  return { need, priceBasis };
}

/**
 * The analysis input as if the changes were made. Joining places the organization in the
 * opportunity's cell (same département, région, EPCI and position as a member) and counts its
 * proposed needs of the family as confirmed, or the amount the facilitator entered; leaving
 * removes its needs of this opportunity only; postponing delays its entry.
 */
export function applyScenarioChanges({ input, opportunity, changes }: ApplyScenarioChangesOptions): AppliedScenario {
  const issues = checkChanges(input, opportunity, changes);
  if (issues.length > 0) throw DomainError.validation('Scénario impossible sur cette opportunité.', issues);
  const joiners = new Set(changes.join.map((j) => j.organizationId));
  const byId = new Map(input.organizations.map((o) => [o.id, o]));
  const replaced = new Set<string>();
  const added: Need[] = [];
  const joined: JoinedNeed[] = changes.join.map(({ organizationId, annualAmountCents }) => {
    const family = familyNeedsOf(input, opportunity, organizationId);
    if (annualAmountCents === undefined) {
      for (const n of family) if (n.status === 'proposed') replaced.add(n.id);
      for (const n of family) if (n.status === 'proposed') added.push({ ...n, status: 'confirmed' });
      const total = family.reduce((s, n) => s + n.annualAmountCents, 0);
      return { organizationId, annualAmountCents: total, isEntered: false, priceBasis: null };
    }
    for (const n of family) replaced.add(n.id);
    const { need, priceBasis } = enteredNeed(input, opportunity, byId.get(organizationId) as Organization, annualAmountCents);
    added.push(need);
    return { organizationId, annualAmountCents, isEntered: true, priceBasis };
  });
  const leavingNeedIds = new Set(opportunity.members.filter((m) => changes.leave.includes(m.organizationId)).flatMap((m) => m.needIds));
  const anchor = byId.get(opportunity.members[0]?.organizationId ?? '');
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
    joined,
    input: {
      ...input,
      organizations: input.organizations.map(relocate),
      needs: [...input.needs.filter((n) => !leavingNeedIds.has(n.id) && !replaced.has(n.id)), ...added],
      positions,
      postponements,
      parameters: { ...input.parameters, coordinator: { ...coordinator, overrides } },
    },
  };
}
