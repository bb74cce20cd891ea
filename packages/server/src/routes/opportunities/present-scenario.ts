import type { ScenarioResultDto, WithheldDto } from '@mutualis/contract';
import { decideDisclosure, type SavingsRange, withheldReasonOf } from '@mutualis/core';
import type { OpportunityViewer } from './opportunity-viewer';

/** The amounts of one side of a scenario, as the computation returns them (before the rule is applied). */
interface SnapshotFigures {
  memberIds: readonly string[];
  annualAmountCents: number;
  estimatedValueCents: number;
  savings: SavingsRange;
  procedure: string;
  startDate: string;
  waves: readonly { kind: 'start' | 'later'; date: string; organizationIds: readonly string[] }[];
}

type SnapshotDto = NonNullable<ScenarioResultDto['base']>;

/** A scenario outcome as computed (core or server): both sides and their difference, every amount given. */
export interface ScenarioFigures {
  base: SnapshotFigures | null;
  scenario: SnapshotFigures | null;
  diff: Omit<ScenarioResultDto['diff'], 'annualAmountCents' | 'estimatedValueCents' | 'savings'> & {
    annualAmountCents: number;
    estimatedValueCents: number;
    savings: SavingsRange;
  };
}

function sideFor(side: SnapshotFigures | null, withheld: WithheldDto | null): SnapshotDto | null {
  if (side === null) return null;
  const shown = withheld === null;
  return {
    memberIds: [...side.memberIds],
    annualAmountCents: shown ? side.annualAmountCents : null,
    estimatedValueCents: shown ? side.estimatedValueCents : null,
    savings: shown ? side.savings : null,
    procedure: side.procedure,
    startDate: side.startDate,
    waves: side.waves.map((w) => ({ kind: w.kind, date: w.date, organizationIds: [...w.organizationIds] })),
  };
}

/**
 * The scenario as the viewer may read it (core's disclosure rule, applied to the computed result):
 * the base side is an aggregate of its members; the scenario side and the difference are a what-if
 * the viewer chose, shown only when no other organization's participation changes — `leave: [X]`
 * would otherwise give X's amount as the difference.
 */
export function presentScenario(outcome: ScenarioFigures, viewer: OpportunityViewer, isReference: boolean): ScenarioResultDto {
  const baseIds = outcome.base?.memberIds ?? [];
  const afterIds = outcome.scenario?.memberIds ?? [];
  const baseWithheld = withheldReasonOf(decideDisclosure(viewer, { kind: 'aggregate', contributorIds: baseIds, isVariant: !isReference }));
  const whatIfWithheld =
    baseWithheld ?? withheldReasonOf(decideDisclosure(viewer, { kind: 'what_if', beforeIds: baseIds, afterIds: afterIds }));
  const { diff } = outcome;
  return {
    base: sideFor(outcome.base, baseWithheld),
    scenario: sideFor(outcome.scenario, whatIfWithheld),
    diff: whatIfWithheld === null ? { ...diff } : { ...diff, annualAmountCents: null, estimatedValueCents: null, savings: null },
    withheld: whatIfWithheld,
  };
}
