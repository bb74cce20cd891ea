export { AnalysisCache, analysisCacheOf } from './analysis-cache';
export {
  type AnalyseTerritoryDataOptions,
  type AnalyseTerritoryUseCaseOptions,
  analyseTerritoryData,
  analyseTerritoryUseCase,
  type OverrideStatus,
  type TerritoryAnalysis,
} from './analyse-territory-use-case';
export { familyContractsOf } from './family-contracts-of';
export { installAnalysisInvalidation } from './install-analysis-invalidation';
export { loadTerritoryData, mergeFamilies, type TerritoryData } from './load-territory-data';
export { type RunScenarioUseCaseOptions, runScenarioUseCase } from './run-scenario-use-case';
