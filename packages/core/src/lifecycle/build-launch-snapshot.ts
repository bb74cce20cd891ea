import type { IsoDate, Need } from '../domain/types';
import type { AnalysisParameters } from '../pooling/analysis-input';
import type { SavingsRange } from '../savings/estimate-savings';
import type { AnalysedOpportunity } from '../scenario/analyse-territory';
import { toBaseQuantity } from '../units/units';
import type { MemberBaseline } from './compute-savings-pipeline';

/** What is decided at launch: frozen members, their baselines, the estimated value, procedure and savings. */
export interface LaunchValues {
  launchedOn: IsoDate;
  memberIds: string[];
  opportunityId: string | null;
  baselines: MemberBaseline[];
  pooledAnnualAmountCents: number;
  quantityUnit: string | null;
  estimatedValueCents: number;
  procedure: { kind: string; labelFr: string; articles: string[]; thresholdVersionId: string } | null;
  savings: SavingsRange;
  /** Award and start dates of the opportunity's backward schedule (absent in launches stored before they were kept). */
  planned?: { awardOn: IsoDate | null; startOn: IsoDate | null };
}

/** The parameters the launch values were computed with (kept so that no recomputation rewrites them). */
export interface LaunchParameters {
  at: IsoDate;
  analysisParameters: unknown;
  elasticity: unknown;
}

/** Needs of the members in the opportunity. */
function needsOf(opportunity: AnalysedOpportunity | null, needs: readonly Need[]): Need[] {
  const ids = new Set(opportunity?.members.flatMap((m) => m.needIds) ?? []);
  return needs.filter((n) => ids.has(n.id));
}

/**
 * The unit baselines are counted in: the needs' own unit when they all share it (prices then read
 * « € / t », not fractions of a cent per kg), else the opportunity's base unit; null without quantities.
 */
function quantityUnitOf(opportunity: AnalysedOpportunity | null, needs: readonly Need[]): { unit: string; isBase: boolean } | null {
  if (!opportunity?.quantity) return null;
  const units = new Set(needs.map((n) => `${n.unit}/${n.unitsPerPack ?? ''}`));
  const [first] = needs;
  if (units.size === 1 && first?.unit) return { unit: first.unit, isBase: false };
  return { unit: opportunity.quantity.unit, isBase: true };
}

function memberQuantity(needs: readonly Need[], needIds: readonly string[], unit: { unit: string; isBase: boolean } | null): number | null {
  if (unit === null) return null;
  let total = 0;
  for (const id of needIds) {
    const need = needs.find((n) => n.id === id);
    if (!need || need.quantity === null || need.unit === null) return null;
    if (!unit.isBase) {
      total += need.quantity;
      continue;
    }
    const base = toBaseQuantity(need.quantity, need.unit, need.unitsPerPack);
    if (!base.ok || base.unit !== unit.unit) return null;
    total += base.quantity;
  }
  return total;
}

function baselinesOf(opportunity: AnalysedOpportunity | null, memberIds: readonly string[], allNeeds: readonly Need[]) {
  const needs = needsOf(opportunity, allNeeds);
  const unit = quantityUnitOf(opportunity, needs);
  const baselines = memberIds.map((organizationId): MemberBaseline => {
    const member = opportunity?.members.find((m) => m.organizationId === organizationId);
    const savings = opportunity?.savingsDetail.members.find((m) => m.organizationId === organizationId)?.total;
    return {
      organizationId,
      annualAmountCents: member?.annualAmountCents ?? 0,
      quantity: member ? memberQuantity(needs, member.needIds, unit) : null,
      estimated: savings ?? { low: 0, central: 0, high: 0 },
    };
  });
  return { baselines, quantityUnit: unit?.unit ?? null };
}

export interface BuildLaunchSnapshotOptions {
  /** The groupement's opportunity in the analysis at `at`; null when it no longer exists. */
  opportunity: AnalysedOpportunity | null;
  /** The territory's needs (those of the opportunity's members are read). */
  needs: readonly Need[];
  /** The parameters the analysis ran with. */
  analysisParameters: AnalysisParameters;
  memberIds: readonly string[];
  launchedOn: IsoDate;
  at: IsoDate;
}

/** Computes the launch decision of a groupement from the analysis of its territory at `at`. */
export function buildLaunchSnapshot(options: BuildLaunchSnapshotOptions): { values: LaunchValues; parameters: LaunchParameters } {
  const { opportunity, needs, analysisParameters, memberIds, launchedOn, at } = options;
  const { baselines, quantityUnit } = baselinesOf(opportunity, memberIds, needs);
  const savings = baselines.reduce(
    (r, b) => ({ low: r.low + b.estimated.low, central: r.central + b.estimated.central, high: r.high + b.estimated.high }),
    { low: 0, central: 0, high: 0 },
  );
  const values: LaunchValues = {
    launchedOn,
    memberIds: [...memberIds].sort(),
    opportunityId: opportunity?.id ?? null,
    baselines,
    pooledAnnualAmountCents: baselines.reduce((s, b) => s + b.annualAmountCents, 0),
    quantityUnit,
    estimatedValueCents: opportunity?.estimatedValueCents ?? 0,
    procedure: opportunity
      ? {
          kind: opportunity.procedure.kind,
          labelFr: opportunity.procedure.labelFr,
          articles: opportunity.procedure.articles,
          thresholdVersionId: opportunity.procedure.thresholdVersionId,
        }
      : null,
    savings,
    planned: {
      awardOn: opportunity?.calendar.schedule.find((step) => step.step === 'award')?.date ?? null,
      startOn: opportunity?.calendar.startDate ?? null,
    },
  };
  const parameters: LaunchParameters = {
    at,
    analysisParameters: {
      ...analysisParameters,
      thresholdTable: undefined,
      thresholdVersionId: opportunity?.procedure.thresholdVersionId,
    },
    elasticity: opportunity?.savingsDetail.elasticity ?? null,
  };
  return { values, parameters };
}
