import {
  type AnalysisInput,
  type AnalysisResult,
  analyseTerritory,
  carryThresholdsForward,
  type CoordinatorParameters,
  type CpvLevel,
  DEFAULT_ANALYSIS_PARAMETERS,
  departementCentroid,
  placeCommune,
  detectOpportunities,
  type IsoDate,
  type OverrideRequest,
  type PoolingScope,
  resolveCoordinatorOverrides,
  type Position,
  THRESHOLD_TABLE,
} from '@mutualis/core';
import type { Repositories } from '@mutualis/db';
import type { AnalysisCache } from './analysis-cache';
import { loadTerritoryData, type TerritoryData } from './load-territory-data';

export interface AnalyseTerritoryUseCaseOptions {
  repos: Repositories;
  territorySlug: string;
  /** The id of the territory `territorySlug` names, when the caller already resolved it (the authorization scope): saves reading it again. */
  territoryId?: string;
  /** The date the analysis is computed at (callers pass today by default). */
  at: IsoDate;
  confirmedOnly?: boolean;
  familyLevel?: CpvLevel;
  /** Replaces the territory's stored pooling scope. */
  scope?: PoolingScope;
  /** Overrides applied over the stored ones (a preview); such analyses are not cached. */
  overrides?: readonly OverrideRequest[];
  cache?: AnalysisCache<TerritoryAnalysis>;
}

/** An override as stored, and whether it applies to some opportunity of this analysis. */
export interface OverrideStatus extends OverrideRequest {
  isApplied: boolean;
}

/** The analysis of a territory with the data and input it was computed from. */
export interface TerritoryAnalysis {
  data: TerritoryData;
  input: AnalysisInput;
  result: AnalysisResult;
  overrides: OverrideStatus[];
}

/** The shared threshold table, carried past its last published version. */
const THRESHOLDS = carryThresholdsForward(THRESHOLD_TABLE);

/** Loads a territory and runs the core analysis on it; answers from the cache when nothing changed. */
export async function analyseTerritoryUseCase(options: AnalyseTerritoryUseCaseOptions): Promise<TerritoryAnalysis> {
  const { repos, territorySlug, at, confirmedOnly = false, familyLevel = 'class', scope, overrides = [], cache } = options;
  const territoryId = options.territoryId ?? (await repos.territories.getBySlug(territorySlug))?.id;
  const compute = async () => {
    const data = await loadTerritoryData(repos, territorySlug);
    return analyseTerritoryData({ data, at, confirmedOnly, familyLevel, scope, extraOverrides: overrides });
  };
  if (cache === undefined || territoryId === undefined || overrides.length > 0) return compute();
  return cache.getOrCompute(territoryId, JSON.stringify([at, confirmedOnly, familyLevel, scope ?? null]), compute);
}

export interface AnalyseTerritoryDataOptions {
  data: TerritoryData;
  at: IsoDate;
  confirmedOnly: boolean;
  familyLevel: CpvLevel;
  scope?: PoolingScope;
  extraOverrides?: readonly OverrideRequest[];
}

/** Builds the core input from loaded data (positions: commune points) and analyses it. */
export function analyseTerritoryData({
  data,
  at,
  confirmedOnly,
  familyLevel,
  scope,
  extraOverrides = [],
}: AnalyseTerritoryDataOptions): TerritoryAnalysis {
  const territory = scope ? { ...data.territory, poolingScope: scope } : data.territory;
  const positions: Record<string, Position> = {};
  // The `distance` scope measures between the members' communes (département centroid when the commune has no point).
  for (const o of data.organizations) {
    const point = placeCommune(o.inseeCode)?.position ?? departementCentroid(o.departementCode);
    if (point) positions[o.id] = point;
  }
  const base: AnalysisInput = {
    territory,
    organizations: data.organizations,
    needs: data.needs,
    runningContracts: data.runningContracts,
    families: data.families,
    now: at,
    confirmedOnly,
    positions,
    parameters: { familyLevel, thresholdTable: THRESHOLDS },
  };
  const requests: OverrideRequest[] = [
    ...data.overrides.map(({ familyKey, cellKey, organizationId }) => ({ familyKey, cellKey, organizationId })),
    ...extraOverrides,
  ];
  const resolved = requests.length === 0 ? { byOpportunity: {}, isApplied: [] } : resolveCoordinatorOverrides(requests, detect(base));
  const coordinator: CoordinatorParameters = { ...DEFAULT_ANALYSIS_PARAMETERS.coordinator, overrides: resolved.byOpportunity };
  const input: AnalysisInput = { ...base, parameters: { ...base.parameters, coordinator } };
  return {
    data,
    input,
    result: analyseTerritory(input),
    overrides: requests.map((r, i) => ({ ...r, isApplied: resolved.isApplied[i] ?? false })),
  };
}

/** Opportunities only (no calendar, procedure or coordinators): enough to know who is a member of what. */
function detect(input: AnalysisInput) {
  return detectOpportunities({
    organizations: input.organizations,
    needs: input.needs,
    families: input.families,
    scope: input.territory.poolingScope,
    familyLevel: input.parameters?.familyLevel ?? DEFAULT_ANALYSIS_PARAMETERS.familyLevel,
    confirmedOnly: input.confirmedOnly,
    positions: input.positions,
  }).opportunities;
}
