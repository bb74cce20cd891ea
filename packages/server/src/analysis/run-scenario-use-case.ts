import { runScenario, type ScenarioChanges, type ScenarioLotDemand, type ScenarioLots, type ScenarioResult } from '@mutualis/core';
import type { TerritoryAnalysis } from './analyse-territory-use-case';

export interface RunScenarioUseCaseOptions {
  analysis: TerritoryAnalysis;
  opportunityId: string;
  changes: ScenarioChanges;
  /** Designs an opportunity's lots with the territory's firms (see `scenarioLotDesigner`). */
  designLots?: (demand: ScenarioLotDemand) => ScenarioLots;
}

/** Recomputes the territory with the changes applied and compares the opportunity before and after (core, read-only). */
export function runScenarioUseCase({ analysis, opportunityId, changes, designLots }: RunScenarioUseCaseOptions): ScenarioResult {
  return runScenario({ input: analysis.input, baseline: analysis.result, opportunityId, changes, designLots });
}
