import { isPrivateMember } from '../assembly-pack/member-standing';
import type { CalendarResult } from '../calendar/align-calendar';
import type { IsoDate, RunningContract } from '../domain/types';
import type { CoordinatorParameters } from '../pooling/analysis-input';
import type { Opportunity } from '../pooling/opportunity';
import type { ProcedureKind } from '../procedure/procedure-kind';
import { hasTenderCommission, isMostlyLocalAuthorities } from '../procedure/tender-commission';
import { type CoordinatorProposal, type CoordinatorCandidateView, deferredEntryReason, explainCoordinator } from './explain-coordinator';
import {
  type CoordinatorAssignment,
  type CoordinatorTask,
  coordinatorScore,
  type ProposeCoordinatorsResult,
  proposeCoordinators,
} from './propose-coordinators';

/** One planned opportunity as the coordinator assignment reads it. */
export interface PlannedOpportunity {
  opportunity: Opportunity;
  procedureKind: ProcedureKind;
  calendar: CalendarResult;
  /** Running contracts of its members in its family. */
  familyContracts: readonly RunningContract[];
}

export interface AssignCoordinatorsOptions {
  planned: readonly PlannedOpportunity[];
  parameters: CoordinatorParameters;
  now: IsoDate;
}

export interface AssignCoordinatorsResult {
  /** With the facilitator's overrides. */
  chosen: ProposeCoordinatorsResult;
  /** Per opportunity id: the proposal without overrides, explained. */
  proposals: Map<string, CoordinatorProposal>;
}

interface Facts {
  planned: PlannedOpportunity;
  views: CoordinatorCandidateView[];
}

/**
 * A private legal person joins under L2113-6 second paragraph by applying the code to its own purchases; it is
 * not a buyer, has no CAO and no legality control, so the proposal leaves the procedure to a public member (the
 * facilitator may still impose it).
 */
const PRIVATE_MEMBER_REASON =
  'personne privée membre au titre de l’article L2113-6 (2e alinéa) : elle n’est pas un acheteur public, n’a pas de CAO ; la proposition confie la procédure à un membre public';

/**
 * A member can act at launch when it enters on the start date (a deferred entrant does not yet
 * buy under the contract it would run) and its deliberation is in the backward plan.
 */
function factsOf(planned: PlannedOpportunity, parameters: CoordinatorParameters, now: IsoDate): Facts {
  const { opportunity, calendar, familyContracts, procedureKind } = planned;
  const entryOf = new Map(calendar.members.map((m) => [m.organizationId, m]));
  const deliberates = new Set(calendar.schedule.filter((s) => s.step === 'deliberation').map((s) => s.organizationId));
  // A CAO matters where an appel d'offres is awarded (CGCT L1414-2) and L1414-3 applies to the groupement.
  const needsCao = procedureKind === 'formalised' && isMostlyLocalAuthorities(opportunity.members, now);
  const views = opportunity.members.map((m): CoordinatorCandidateView => {
    const entry = entryOf.get(m.organizationId);
    const reason = isPrivateMember(m.kind)
      ? PRIVATE_MEMBER_REASON
      : entry !== undefined && entry.wave !== 'start'
        ? deferredEntryReason(entry.joinDate)
        : !deliberates.has(m.organizationId)
          ? 'sa délibération n’est pas prévue avant le lancement'
          : null;
    const candidate = {
      organizationId: m.organizationId,
      siret: m.siret,
      share: m.share,
      hasExperience: familyContracts.some((c) => c.organizationId === m.organizationId),
      hasUsableCao: needsCao && hasTenderCommission(m.kind, now),
    };
    return {
      organizationId: m.organizationId,
      name: m.name,
      share: m.share,
      hasExperience: candidate.hasExperience,
      hasUsableCao: candidate.hasUsableCao,
      isEligible: reason === null,
      ineligibleReason: reason,
      score: reason === null ? coordinatorScore(candidate, parameters) : null,
      loadElsewhere: 0,
      coordinatesElsewhere: [],
    };
  });
  // Nobody can act at launch (no one enters on the start date): every public member stays a candidate (every member if none is public).
  if (views.every((v) => !v.isEligible)) {
    const isPrivate = opportunity.members.map((m) => isPrivateMember(m.kind));
    const hasPublic = isPrivate.includes(false);
    return { planned, views: views.map((v, i) => (hasPublic && isPrivate[i] ? v : { ...v, isEligible: true, score: v.score ?? 0 })) };
  }
  return { planned, views };
}

function tasksOf(
  facts: readonly Facts[],
  parameters: CoordinatorParameters,
  overrides: Readonly<Record<string, string>>,
): CoordinatorTask[] {
  return facts.map(({ planned, views }) => {
    const { opportunity, procedureKind } = planned;
    // An override may name a member that cannot act at launch: it stays the facilitator's choice (and is flagged).
    const isForced = overrides[opportunity.id] !== undefined;
    return {
      opportunityId: opportunity.id,
      weight: parameters.workloadWeights[procedureKind],
      candidates: opportunity.members
        .filter((_, i) => isForced || views[i]?.isEligible)
        .map((m) => {
          const view = views.find((v) => v.organizationId === m.organizationId);
          return {
            organizationId: m.organizationId,
            siret: m.siret,
            share: m.share,
            hasExperience: view?.hasExperience ?? false,
            hasUsableCao: view?.hasUsableCao ?? false,
          };
        }),
    };
  });
}

/** Other groupements each organization coordinates in an assignment, with their workload. */
function elsewhereOf(assignments: readonly CoordinatorAssignment[], facts: readonly Facts[], parameters: CoordinatorParameters) {
  const byOrganization = new Map<string, { opportunityId: string; label: string; weight: number }[]>();
  const byId = new Map(facts.map((f) => [f.planned.opportunity.id, f.planned]));
  for (const a of assignments) {
    const planned = byId.get(a.opportunityId);
    if (!planned) continue;
    const list = byOrganization.get(a.organizationId) ?? [];
    list.push({
      opportunityId: a.opportunityId,
      label: planned.opportunity.family.label,
      weight: parameters.workloadWeights[planned.procedureKind],
    });
    byOrganization.set(a.organizationId, list);
  }
  return byOrganization;
}

/**
 * Chooses each opportunity's coordinator among the members that can act at launch, weighing share,
 * experience, a usable CAO and the workload across the territory; the facilitator's overrides win,
 * and the proposal without them is kept and explained beside.
 */
export function assignCoordinators({ planned, parameters, now }: AssignCoordinatorsOptions): AssignCoordinatorsResult {
  const facts = planned.map((p) => factsOf(p, parameters, now));
  const chosen = proposeCoordinators({ ...parameters, tasks: tasksOf(facts, parameters, parameters.overrides) });
  const hasOverrides = Object.keys(parameters.overrides).length > 0;
  const proposal = hasOverrides ? proposeCoordinators({ ...parameters, overrides: {}, tasks: tasksOf(facts, parameters, {}) }) : chosen;
  const elsewhere = elsewhereOf(proposal.assignments, facts, parameters);
  const proposedOf = new Map(proposal.assignments.map((a) => [a.opportunityId, a.organizationId]));
  const chosenOf = new Map(chosen.assignments.map((a) => [a.opportunityId, a]));
  const proposals = new Map<string, CoordinatorProposal>();
  for (const { planned: p, views } of facts) {
    const id = p.opportunity.id;
    const candidates = views.map((v) => {
      const others = (elsewhere.get(v.organizationId) ?? []).filter((o) => o.opportunityId !== id);
      return { ...v, loadElsewhere: others.reduce((s, o) => s + o.weight, 0), coordinatesElsewhere: others.map((o) => o.label) };
    });
    const proposedId = proposedOf.get(id) ?? candidates[0]?.organizationId ?? '';
    const retained = chosenOf.get(id);
    const choice = { organizationId: retained?.organizationId ?? proposedId, isOverride: retained?.isOverride ?? false };
    const reasons = explainCoordinator({ candidates, proposedId, chosen: choice, procedureKind: p.procedureKind, weights: parameters });
    proposals.set(id, {
      organizationId: proposedId,
      name: candidates.find((c) => c.organizationId === proposedId)?.name ?? '',
      candidates,
      differsFromChoice: choice.organizationId !== proposedId,
      reasons,
      explanation: reasons.join(' '),
    });
  }
  return { chosen, proposals };
}
