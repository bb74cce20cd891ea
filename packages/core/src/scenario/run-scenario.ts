import type { Wave } from '../calendar/align-calendar';
import { diffDays } from '../calendar/iso-date';
import type { Cents, IsoDate, Need, Organization } from '../domain/types';
import { DomainError } from '../errors/domain-error';
import type { AnalysisInput } from '../pooling/analysis-input';
import type { ProcedureKind } from '../procedure/procedure-kind';
import type { SavingsRange } from '../savings/estimate-savings';
import { type AnalysedOpportunity, type AnalysisResult, analyseTerritory } from './analyse-territory';
import { applyScenarioChanges, type ScenarioChanges } from './apply-scenario-changes';
import { explainScenario } from './explain-scenario';

/** What the lot designer needs of an opportunity: its members' needs and organizations. */
export interface ScenarioLotDemand {
  opportunity: AnalysedOpportunity;
  needs: Need[];
  organizations: ReadonlyMap<string, Organization>;
}

/** The recommended lot structure of an opportunity, or why none could be designed. */
export type ScenarioLots = { ok: true; lotCount: number; labels: string[]; accessibleShare: number } | { ok: false; reason: string };

export interface RunScenarioOptions {
  input: AnalysisInput;
  /** The analysis of `input`, when the caller already holds it (saves one analysis). */
  baseline?: AnalysisResult;
  opportunityId: string;
  changes: ScenarioChanges;
  /** Designs an opportunity's lots; the allotissement designer needs the territory's firms, which the caller holds. */
  designLots?: (demand: ScenarioLotDemand) => ScenarioLots;
}

/** The figures of one opportunity that a scenario compares. */
export interface OpportunitySnapshot {
  memberIds: string[];
  annualAmountCents: Cents;
  estimatedValueCents: Cents;
  savings: SavingsRange;
  procedure: ProcedureKind;
  startDate: IsoDate;
  waves: Wave[];
  coordinator: { organizationId: string; name: string; isOverride: boolean };
  /** Each member's own start of execution. */
  entries: { organizationId: string; joinDate: IsoDate }[];
  lots: ScenarioLots | null;
}

/** Base and scenario figures of one opportunity, scenario − base, and what changed in a few sentences. */
export interface ScenarioResult {
  opportunityId: string;
  /** Null when the opportunity does not exist on that side (e.g. only one buyer left). */
  base: OpportunitySnapshot | null;
  scenario: OpportunitySnapshot | null;
  diff: {
    addedMemberIds: string[];
    removedMemberIds: string[];
    annualAmountCents: Cents;
    estimatedValueCents: Cents;
    savings: SavingsRange;
    procedure: { before: ProcedureKind | null; after: ProcedureKind | null; isChanged: boolean };
    startDate: { before: IsoDate | null; after: IsoDate | null; shiftDays: number | null };
    waves: { before: number; after: number };
    coordinator: { before: string | null; after: string | null; isChanged: boolean };
  };
  explanation: string[];
}

function snapshot(
  o: AnalysedOpportunity | undefined,
  input: AnalysisInput,
  designLots: RunScenarioOptions['designLots'],
): OpportunitySnapshot | null {
  if (!o) return null;
  const needIds = new Set(o.members.flatMap((m) => m.needIds));
  const lots = designLots
    ? designLots({
        opportunity: o,
        needs: input.needs.filter((n) => needIds.has(n.id)),
        organizations: new Map(input.organizations.map((x) => [x.id, x])),
      })
    : null;
  return {
    memberIds: o.members.map((m) => m.organizationId),
    annualAmountCents: o.annualAmountCents,
    estimatedValueCents: o.estimatedValueCents,
    savings: o.savings,
    procedure: o.procedure.kind,
    startDate: o.startDate,
    waves: o.waves,
    coordinator: { organizationId: o.coordinator.organizationId, name: o.coordinator.name, isOverride: o.coordinator.isOverride },
    entries: o.calendar.members.map((m) => ({ organizationId: m.organizationId, joinDate: m.joinDate })),
    lots,
  };
}

/**
 * Recomputes an opportunity after organizations join (with their recorded needs or an amount
 * entered for the scenario), leave or postpone, and says what changed: members, threshold and
 * procedure, start and entries, coordinator, lots. Nothing is stored.
 */
export function runScenario({ input, baseline, opportunityId, changes, designLots }: RunScenarioOptions): ScenarioResult {
  const before = (baseline ?? analyseTerritory(input)).opportunities.find((o) => o.id === opportunityId);
  if (!before) throw new DomainError('not_found', 'Opportunité introuvable à cette date.');
  const applied = applyScenarioChanges({ input, opportunity: before, changes });
  const afterResult = analyseTerritory(applied.input);
  const after = afterResult.opportunities.find((o) => o.id === opportunityId);
  const base = snapshot(before, input, designLots);
  const scenario = snapshot(after, applied.input, designLots);
  const delta = (f: (s: OpportunitySnapshot) => number) => (scenario ? f(scenario) : 0) - (base ? f(base) : 0);
  const beforeIds = new Set(base?.memberIds);
  const afterIds = new Set(scenario?.memberIds);
  const diff: ScenarioResult['diff'] = {
    addedMemberIds: [...afterIds].filter((id) => !beforeIds.has(id)),
    removedMemberIds: [...beforeIds].filter((id) => !afterIds.has(id)),
    annualAmountCents: delta((s) => s.annualAmountCents),
    estimatedValueCents: delta((s) => s.estimatedValueCents),
    savings: { low: delta((s) => s.savings.low), central: delta((s) => s.savings.central), high: delta((s) => s.savings.high) },
    procedure: { before: base?.procedure ?? null, after: scenario?.procedure ?? null, isChanged: base?.procedure !== scenario?.procedure },
    startDate: {
      before: base?.startDate ?? null,
      after: scenario?.startDate ?? null,
      shiftDays: base && scenario ? diffDays(base.startDate, scenario.startDate) : null,
    },
    waves: { before: base?.waves.length ?? 0, after: scenario?.waves.length ?? 0 },
    coordinator: {
      before: base?.coordinator.organizationId ?? null,
      after: scenario?.coordinator.organizationId ?? null,
      isChanged: base?.coordinator.organizationId !== scenario?.coordinator.organizationId,
    },
  };
  const explanation = explainScenario({
    before,
    after,
    changes,
    joined: applied.joined,
    organizations: applied.input.organizations,
    base,
    scenario,
  });
  return { opportunityId, base, scenario, diff, explanation };
}
