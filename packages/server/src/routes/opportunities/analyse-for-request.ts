import type { CpvLevel } from '@mutualis/core';
import { analyseTerritoryUseCase, analysisCacheOf, type TerritoryAnalysis } from '../../analysis';
import type { ServerContext } from '../../app/server-context';

/** Parsed analysis options of a query (`at` defaults to today on the server clock). */
export interface AnalysisQuery {
  at?: string;
  confirmedOnly?: boolean;
  level?: CpvLevel;
}

/**
 * The (cached) analysis a request asks for. `territoryId`: the id the authorization scope resolved
 * from this same `slug` (saves reading the territory twice per request).
 */
export function analyseForRequest(
  ctx: ServerContext,
  slug: string,
  query: AnalysisQuery,
  territoryId?: string,
): Promise<TerritoryAnalysis> {
  return analyseTerritoryUseCase({
    repos: ctx.repos,
    territorySlug: slug,
    ...(territoryId === undefined ? {} : { territoryId }),
    at: query.at ?? ctx.now().toISOString().slice(0, 10),
    confirmedOnly: query.confirmedOnly ?? false,
    familyLevel: query.level ?? 'class',
    cache: analysisCacheOf(ctx.database),
  });
}
