import type { CpvLevel } from '@mutualis/core';
import { analyseTerritoryUseCase, analysisCacheOf, type TerritoryAnalysis } from '../../analysis';
import type { ServerContext } from '../../app/server-context';

/** Parsed analysis options of a query (`at` defaults to today on the server clock). */
export interface AnalysisQuery {
  at?: string;
  confirmedOnly?: boolean;
  level?: CpvLevel;
}

/** The (cached) analysis a request asks for. */
export function analyseForRequest(ctx: ServerContext, slug: string, query: AnalysisQuery): Promise<TerritoryAnalysis> {
  return analyseTerritoryUseCase({
    repos: ctx.repos,
    territorySlug: slug,
    at: query.at ?? ctx.now().toISOString().slice(0, 10),
    confirmedOnly: query.confirmedOnly ?? false,
    familyLevel: query.level ?? 'class',
    cache: analysisCacheOf(ctx.database),
  });
}
