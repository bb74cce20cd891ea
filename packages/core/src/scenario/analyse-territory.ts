import type { CalendarResult, Wave } from '../calendar/align-calendar';
import { assignCoordinators } from '../coordinator/assign-coordinators';
import type { CoordinatorProposal } from '../coordinator/explain-coordinator';
import type { ProposeCoordinatorsResult } from '../coordinator/propose-coordinators';
import { isDecpContractDated } from '../decp/decp-flag-status';
import type { Cents, IsoDate, RunningContract } from '../domain/types';
import { type AnalysisInput, type AnalysisParameters, resolveAnalysisParameters } from '../pooling/analysis-input';
import { detectOpportunities } from '../pooling/detect-opportunities';
import { createFamilyResolver, type FamilyRef } from '../pooling/family-resolver';
import type { Opportunity } from '../pooling/opportunity';
import type { Cell } from '../pooling/resolve-cells';
import type { ProcedureResult } from '../procedure/resolve-procedure';
import { totalTermMonths } from '../procedure/estimate-value';
import { resolveTenderCommission, type TenderCommissionResult } from '../procedure/tender-commission';
import { estimateSavings, type SavingsRange, type SavingsResult } from '../savings/estimate-savings';
import { resolveSavingsCalibration, type SavingsCalibration } from '../savings/savings-calibrations';
import { analyseOpportunity, type OpportunityPlan } from './analyse-opportunity';

/** A member as shown in the analysis output. */
export interface AnalysedMember {
  organizationId: string;
  siret: string;
  name: string;
  share: number;
  annualAmountCents: Cents;
  isConfirmed: boolean;
  needIds: string[];
}

/** One ranked opportunity with its procedure, calendar, savings and coordinator (`mutualis analyse --format json`). */
export interface AnalysedOpportunity {
  id: string;
  rank: number;
  family: FamilyRef;
  cell: Cell;
  members: AnalysedMember[];
  annualAmountCents: Cents;
  quantity: Opportunity['quantity'];
  estimatedValueCents: Cents;
  procedure: ProcedureResult;
  thresholdCrossed: ProcedureResult['thresholdCrossed'];
  startDate: IsoDate;
  waves: Wave[];
  calendar: CalendarResult;
  savings: SavingsRange;
  savingsDetail: SavingsResult;
  /** The coordinator retained: the facilitator's override, else the proposal. */
  coordinator: { organizationId: string; siret: string; name: string; isOverride: boolean };
  poolability: Opportunity['poolability'];
  /** Mutualis's proposal without overrides, weighed and explained. */
  coordinatorProposal: CoordinatorProposal;
  /** The CAO of the groupement under CGCT L1414-3, with the coordinator retained. */
  tenderCommission: TenderCommissionResult;
  explanation: string;
}

export interface AnalysisResult {
  now: IsoDate;
  parameters: AnalysisParameters;
  opportunities: AnalysedOpportunity[];
  /** Zones of the pooling scope split per département because too wide (French), or null. */
  scopeNote: string | null;
  coordinatorStatus: ProposeCoordinatorsResult['status'];
  coordinatorLoads: Record<string, number>;
  unknownOrganizationNeedIds: string[];
}

/** Running contracts by family key, then by organization id. */
export type ContractsByFamily = Map<string, Map<string, RunningContract[]>>;

/** Indexes running contracts by family key (same families as the detection), then by organization id. */
export function indexContractsByFamily(
  contracts: readonly RunningContract[],
  families: AnalysisInput['families'],
  familyLevel: AnalysisParameters['familyLevel'],
): ContractsByFamily {
  const resolver = createFamilyResolver({ families, level: familyLevel });
  const byFamily: ContractsByFamily = new Map();
  for (const c of contracts) {
    const key = resolver.families[resolver.resolve(c.cpvCode, c.label)]?.key ?? '';
    let byOrganization = byFamily.get(key);
    if (byOrganization === undefined) {
      byOrganization = new Map();
      byFamily.set(key, byOrganization);
    }
    const list = byOrganization.get(c.organizationId);
    if (list) list.push(c);
    else byOrganization.set(c.organizationId, [c]);
  }
  return byFamily;
}

/** The members' running contracts in the opportunity's family, member by member (one lookup per member, no per-member allocation). */
export function memberContractsOf(byFamily: ContractsByFamily, opportunity: Opportunity): RunningContract[] {
  const byOrganization = byFamily.get(opportunity.family.key);
  const contracts: RunningContract[] = [];
  if (byOrganization === undefined) return contracts;
  for (const m of opportunity.members) {
    const list = byOrganization.get(m.organizationId);
    if (list !== undefined) for (const c of list) contracts.push(c);
  }
  return contracts;
}

/** Runs detection, calendar alignment, procedure, coordinators and savings over a territory. */
export function analyseTerritory(input: AnalysisInput): AnalysisResult {
  const parameters = resolveAnalysisParameters(input.parameters);
  const detection = detectOpportunities({
    organizations: input.organizations,
    needs: input.needs,
    families: input.families,
    scope: input.territory.poolingScope,
    familyLevel: parameters.familyLevel,
    confirmedOnly: input.confirmedOnly,
    positions: input.positions,
    maxSpanKm: parameters.maxPoolingSpanKm,
  });
  const contracts = indexContractsByFamily(input.runningContracts, input.families, parameters.familyLevel);
  const delayMonths = input.postponements ?? {};
  const planned = detection.opportunities.map((opportunity) => {
    const familyContracts = memberContractsOf(contracts, opportunity);
    // An undated DECP record (or one without duration) has stand-in dates: no calendar uses it until they are entered.
    const datedContracts = familyContracts.filter(isDecpContractDated);
    const plan: OpportunityPlan = analyseOpportunity({ opportunity, contracts: datedContracts, now: input.now, parameters, delayMonths });
    return { opportunity, plan, familyContracts };
  });
  const { chosen: coordinators, proposals } = assignCoordinators({
    planned: planned.map(({ opportunity, plan, familyContracts }) => ({
      opportunity,
      procedureKind: plan.procedure.kind,
      calendar: plan.calendar,
      familyContracts,
    })),
    parameters: parameters.coordinator,
    now: input.now,
  });
  const coordinatorOf = new Map(coordinators.assignments.map((a) => [a.opportunityId, a]));
  const opportunities = planned.map(({ opportunity, plan }, index): AnalysedOpportunity => {
    const assignment = coordinatorOf.get(opportunity.id);
    const coordinatorMember = opportunity.members.find((m) => m.organizationId === assignment?.organizationId) ?? opportunity.members[0];
    const calibration = familyCalibration(opportunity);
    const elasticity = parameters.elasticityOverrides[opportunity.family.key] ?? familyElasticity(input, opportunity, calibration);
    const aloneKinds = new Map(plan.procedure.thresholdCrossed.members.map((m) => [m.organizationId, m.aloneKind]));
    const savingsDetail = estimateSavings({
      members: opportunity.members.map((m) => ({ ...m, aloneProcedureKind: aloneKinds.get(m.organizationId) ?? plan.procedure.kind })),
      elasticity,
      calibration,
      procedureCosts: parameters.procedureCosts,
      coordinationCostCents: parameters.coordinationCostCents,
      contractMonths: totalTermMonths(parameters.contractTerm),
      coordinatorId: coordinatorMember?.organizationId ?? null,
    });
    return {
      id: opportunity.id,
      rank: index + 1,
      family: opportunity.family,
      cell: opportunity.cell,
      members: opportunity.members.map(({ organizationId, siret, name, share, annualAmountCents, isConfirmed, needIds }) => ({
        organizationId,
        siret,
        name,
        share,
        annualAmountCents,
        isConfirmed,
        needIds,
      })),
      annualAmountCents: opportunity.annualAmountCents,
      quantity: opportunity.quantity,
      estimatedValueCents: plan.procedure.estimatedValueCents,
      procedure: plan.procedure,
      thresholdCrossed: plan.procedure.thresholdCrossed,
      startDate: plan.calendar.startDate,
      waves: plan.calendar.waves,
      calendar: plan.calendar,
      savings: savingsDetail.total,
      savingsDetail,
      coordinator: {
        organizationId: coordinatorMember?.organizationId ?? '',
        siret: coordinatorMember?.siret ?? '',
        name: coordinatorMember?.name ?? '',
        isOverride: assignment?.isOverride ?? false,
      },
      poolability: opportunity.poolability,
      coordinatorProposal: proposals.get(opportunity.id) as CoordinatorProposal,
      tenderCommission: resolveTenderCommission({
        members: opportunity.members,
        coordinatorId: coordinatorMember?.organizationId ?? '',
        at: input.now,
      }),
      explanation: opportunity.explanation,
    };
  });
  return {
    now: input.now,
    parameters,
    opportunities,
    scopeNote: detection.scopeNote,
    coordinatorStatus: coordinators.status,
    coordinatorLoads: coordinators.loads,
    unknownOrganizationNeedIds: detection.unknownOrganizationNeedIds,
  };
}

/** The savings calibration of an opportunity's family (published range, kind, sources). */
function familyCalibration(opportunity: Opportunity): SavingsCalibration {
  const { family, cpvBreakdown } = opportunity;
  return resolveSavingsCalibration({
    familyId: family.familyId,
    cpvCodes: [...cpvBreakdown.map((c) => c.cpvCode), ...family.cpvCodes],
    label: family.label,
  });
}

/** The family's own elasticity (a facilitator's family may set it), else its calibration's. */
function familyElasticity(input: AnalysisInput, opportunity: Opportunity, calibration: SavingsCalibration): SavingsResult['elasticity'] {
  const { family } = opportunity;
  const userFamily = family.familyId === null ? undefined : input.families.find((f) => f.id === family.familyId);
  return userFamily?.elasticity ?? calibration.elasticity;
}
