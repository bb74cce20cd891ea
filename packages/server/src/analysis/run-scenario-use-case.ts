import {
  type AnalysedOpportunity,
  analyseTerritory,
  DomainError,
  type OpportunitySnapshot,
  type SavingsRange,
  type Wave,
} from '@mutualis/core';
import type { TerritoryAnalysis } from './analyse-territory-use-case';
import { applyScenarioChanges, type ScenarioChanges } from './apply-scenario-changes';

export interface RunScenarioUseCaseOptions {
  analysis: TerritoryAnalysis;
  opportunityId: string;
  changes: ScenarioChanges;
}

/** The compared figures of one opportunity (core's snapshot, with typed waves). */
export type ScenarioSnapshot = Omit<OpportunitySnapshot, 'waves'> & { waves: Wave[] };

/** Base and scenario figures of one opportunity, and scenario − base. */
export interface ScenarioOutcome {
  base: ScenarioSnapshot | null;
  scenario: ScenarioSnapshot | null;
  diff: {
    addedMemberIds: string[];
    removedMemberIds: string[];
    annualAmountCents: number;
    estimatedValueCents: number;
    savings: SavingsRange;
    procedure: { before: string | null; after: string | null; isChanged: boolean };
    startDate: { before: string | null; after: string | null; shiftDays: number | null };
    waves: { before: number; after: number };
  };
}

/** Recomputes the territory with the changes applied and compares the opportunity before and after (read-only). */
export function runScenarioUseCase({ analysis, opportunityId, changes }: RunScenarioUseCaseOptions): ScenarioOutcome {
  const opportunity = analysis.result.opportunities.find((o) => o.id === opportunityId);
  if (!opportunity) throw new DomainError('not_found', 'Opportunité introuvable à cette date.');
  const input = applyScenarioChanges({ input: analysis.input, opportunity, changes });
  const changed = analyseTerritory(input).opportunities.find((o) => o.id === opportunityId);
  const base = snapshot(opportunity);
  const scenario = snapshot(changed);
  const delta = (f: (s: ScenarioSnapshot) => number) => (scenario ? f(scenario) : 0) - (base ? f(base) : 0);
  const beforeIds = new Set(base?.memberIds);
  const afterIds = new Set(scenario?.memberIds);
  return {
    base,
    scenario,
    diff: {
      addedMemberIds: [...afterIds].filter((id) => !beforeIds.has(id)),
      removedMemberIds: [...beforeIds].filter((id) => !afterIds.has(id)),
      annualAmountCents: delta((s) => s.annualAmountCents),
      estimatedValueCents: delta((s) => s.estimatedValueCents),
      savings: { low: delta((s) => s.savings.low), central: delta((s) => s.savings.central), high: delta((s) => s.savings.high) },
      procedure: {
        before: base?.procedure ?? null,
        after: scenario?.procedure ?? null,
        isChanged: base?.procedure !== scenario?.procedure,
      },
      startDate: {
        before: base?.startDate ?? null,
        after: scenario?.startDate ?? null,
        shiftDays: base && scenario ? daysBetween(base.startDate, scenario.startDate) : null,
      },
      waves: { before: base?.waves.length ?? 0, after: scenario?.waves.length ?? 0 },
    },
  };
}

function snapshot(o: AnalysedOpportunity | undefined): ScenarioSnapshot | null {
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

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
