import type { ScenarioResultDto, WithheldDto } from '@mutualis/contract';
import {
  type Cents,
  decideDisclosure,
  type OpportunitySnapshot,
  redactAmountsExcept,
  type ScenarioResult,
  withheldReasonOf,
} from '@mutualis/core';
import type { OpportunityViewer } from './opportunity-viewer';

type SnapshotDto = NonNullable<ScenarioResultDto['base']>;

function sideFor(side: OpportunitySnapshot | null, withheld: WithheldDto | null, redact: (text: string) => string): SnapshotDto | null {
  if (side === null) return null;
  const shown = withheld === null;
  const lots =
    side.lots === null || shown
      ? side.lots
      : side.lots.ok
        ? { ...side.lots, labels: side.lots.labels.map(redact) }
        : { ...side.lots, reason: redact(side.lots.reason) };
  return {
    ...side,
    annualAmountCents: shown ? side.annualAmountCents : null,
    estimatedValueCents: shown ? side.estimatedValueCents : null,
    savings: shown ? side.savings : null,
    lots,
  };
}

export interface PresentScenarioOptions {
  outcome: ScenarioResult;
  viewer: OpportunityViewer;
  isReference: boolean;
  /** Public amounts the explanation may keep when others are withheld (legal thresholds). */
  publicAmounts: readonly Cents[];
}

/**
 * The scenario as the viewer may read it (core's disclosure rule, applied to the computed result):
 * the base side is an aggregate of its members; the scenario side and the difference are a what-if
 * the viewer chose, shown only when no other organization's participation changes — `leave: [X]`
 * would otherwise give X's amount as the difference. A withheld scenario's explanation keeps only
 * the legal thresholds among its amounts, and no coordinator score (it derives from the shares).
 */
export function presentScenario({ outcome, viewer, isReference, publicAmounts }: PresentScenarioOptions): ScenarioResultDto {
  const baseIds = outcome.base?.memberIds ?? [];
  const afterIds = outcome.scenario?.memberIds ?? [];
  const baseWithheld = withheldReasonOf(decideDisclosure(viewer, { kind: 'aggregate', contributorIds: baseIds, isVariant: !isReference }));
  const whatIfWithheld =
    baseWithheld ?? withheldReasonOf(decideDisclosure(viewer, { kind: 'what_if', beforeIds: baseIds, afterIds: afterIds }));
  const redact = (text: string) => redactAmountsExcept(text, publicAmounts).replace(/score \([\d,]+\)/g, 'score');
  const { diff } = outcome;
  return {
    opportunityId: outcome.opportunityId,
    base: sideFor(outcome.base, baseWithheld, redact),
    scenario: sideFor(outcome.scenario, whatIfWithheld, redact),
    diff: whatIfWithheld === null ? { ...diff } : { ...diff, annualAmountCents: null, estimatedValueCents: null, savings: null },
    withheld: whatIfWithheld,
    explanation: whatIfWithheld === null ? outcome.explanation : outcome.explanation.map(redact),
  };
}
