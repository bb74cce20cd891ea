export { AnalysisCache, analysisCacheOf } from './analysis-cache';
export {
  type AnalyseTerritoryDataOptions,
  type AnalyseTerritoryUseCaseOptions,
  analyseTerritoryData,
  analyseTerritoryUseCase,
  type OverrideStatus,
  type TerritoryAnalysis,
} from './analyse-territory-use-case';
export { applyScenarioChanges, type ScenarioChanges } from './apply-scenario-changes';
export { familyContractsOf } from './family-contracts-of';
export { installAnalysisInvalidation } from './install-analysis-invalidation';
export { loadTerritoryData, mergeFamilies, type TerritoryData } from './load-territory-data';
export { type OverrideRequest, resolveCoordinatorOverrides } from './resolve-coordinator-overrides';
export { type RunScenarioUseCaseOptions, runScenarioUseCase, type ScenarioOutcome } from './run-scenario-use-case';
