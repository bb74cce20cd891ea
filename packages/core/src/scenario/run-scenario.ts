import { diffDays } from '../calendar/iso-date';
import type { Cents, IsoDate, Need, Organization, RunningContract } from '../domain/types';
import type { ProcedureKind } from '../procedure/procedure-kind';
import type { SavingsRange } from '../savings/estimate-savings';
import type { AnalysisInput } from '../pooling/analysis-input';
import { type AnalysedOpportunity, analyseTerritory } from './analyse-territory';

/** A what-if change to one organization. */
export type ScenarioChange =
  | { kind: 'join'; organization: Organization; needs: readonly Need[]; runningContracts?: readonly RunningContract[] }
  | { kind: 'leave'; organizationId: string }
  | { kind: 'postpone'; organizationId: string; months: number };

export interface RunScenarioOptions {
  input: AnalysisInput;
  opportunityId: string;
  change: ScenarioChange;
}

/** The figures of one opportunity that a scenario compares. */
export interface OpportunitySnapshot {
  memberIds: string[];
  annualAmountCents: Cents;
  estimatedValueCents: Cents;
  savings: SavingsRange;
  procedure: ProcedureKind;
  startDate: IsoDate;
  waves: { kind: string; date: IsoDate; organizationIds: string[] }[];
}

export interface ScenarioResult {
  opportunityId: string;
  /** Null when the opportunity does not exist on that side (e.g. only one buyer left). */
  before: OpportunitySnapshot | null;
  after: OpportunitySnapshot | null;
  diff: {
    addedMemberIds: string[];
    removedMemberIds: string[];
    annualAmountCents: Cents;
    estimatedValueCents: Cents;
    savings: SavingsRange;
    procedureChanged: boolean;
    startDateShiftDays: number | null;
  };
}

function snapshot(o: AnalysedOpportunity | undefined): OpportunitySnapshot | null {
  if (!o) return null;
  return {
    memberIds: o.members.map((m) => m.organizationId),
    annualAmountCents: o.annualAmountCents,
    estimatedValueCents: o.estimatedValueCents,
    savings: o.savings,
    procedure: o.procedure.kind,
    startDate: o.startDate,
    waves: o.waves,
  };
}

function applyChange(input: AnalysisInput, change: ScenarioChange, familyNeedIds: ReadonlySet<string>): AnalysisInput {
  switch (change.kind) {
    case 'join': {
      const known = input.organizations.some((o) => o.id === change.organization.id);
      return {
        ...input,
        organizations: known ? input.organizations : [...input.organizations, change.organization],
        needs: [...input.needs, ...change.needs],
        runningContracts: [...input.runningContracts, ...(change.runningContracts ?? [])],
      };
    }
    case 'leave':
      // Leaves this groupement only: its needs of the family go, its other needs stay.
      return { ...input, needs: input.needs.filter((n) => !(n.organizationId === change.organizationId && familyNeedIds.has(n.id))) };
    case 'postpone':
      return {
        ...input,
        postponements: {
          ...input.postponements,
          [change.organizationId]: (input.postponements?.[change.organizationId] ?? 0) + change.months,
        },
      };
  }
}

/** Recomputes an opportunity after an organization joins, leaves or postpones, and returns the difference. */
export function runScenario({ input, opportunityId, change }: RunScenarioOptions): ScenarioResult {
  const baseline = analyseTerritory(input).opportunities.find((o) => o.id === opportunityId);
  const familyNeedIds = new Set(baseline?.members.flatMap((m) => m.needIds) ?? []);
  const changed = analyseTerritory(applyChange(input, change, familyNeedIds)).opportunities.find((o) => o.id === opportunityId);
  const before = snapshot(baseline);
  const after = snapshot(changed);
  const beforeIds = new Set(before?.memberIds ?? []);
  const afterIds = new Set(after?.memberIds ?? []);
  const delta = (f: (s: OpportunitySnapshot) => number) => (after ? f(after) : 0) - (before ? f(before) : 0);
  return {
    opportunityId,
    before,
    after,
    diff: {
      addedMemberIds: [...afterIds].filter((id) => !beforeIds.has(id)),
      removedMemberIds: [...beforeIds].filter((id) => !afterIds.has(id)),
      annualAmountCents: delta((s) => s.annualAmountCents),
      estimatedValueCents: delta((s) => s.estimatedValueCents),
      savings: { low: delta((s) => s.savings.low), central: delta((s) => s.savings.central), high: delta((s) => s.savings.high) },
      procedureChanged: before?.procedure !== after?.procedure,
      startDateShiftDays: before && after ? diffDays(before.startDate, after.startDate) : null,
    },
  };
}
