import { opportunityListSchema } from '@mutualis/contract';
import { disclosureKeyOf } from '@mutualis/core';
import type { TerritoryAnalysis } from '../../analysis';
import { jsonSerializerOf } from '../../cache/response-cache';
import { listOpportunities, type OpportunityListOptions } from './list-opportunities';
import type { OpportunityViewer } from './opportunity-viewer';

/** Distinct pages kept per analysis (viewers × filters × pages); the oldest go first. */
const MAX_PAGES_PER_ANALYSIS = 500;

const serializeList = jsonSerializerOf(opportunityListSchema, '/api/territories/:slug/opportunities');
const pagesByAnalysis = new WeakMap<TerritoryAnalysis, Map<string, Buffer>>();

/**
 * The serialised page of `listOpportunities`, kept with the (cached) analysis it comes from: it
 * lives and goes stale with that analysis, and is keyed by all the page depends on besides it —
 * what the viewer may see and the list options.
 */
export function opportunityListJson(analysis: TerritoryAnalysis, viewer: OpportunityViewer, options: OpportunityListOptions): Buffer {
  const { family, departement, sort, limit, offset, includeRare = false } = options;
  const viewerKey = disclosureKeyOf(viewer);
  const key = JSON.stringify([viewerKey, family ?? null, departement ?? null, sort, limit, offset, includeRare]);
  let pages = pagesByAnalysis.get(analysis);
  if (!pages) {
    pages = new Map();
    pagesByAnalysis.set(analysis, pages);
  }
  const cached = pages.get(key);
  if (cached !== undefined) return cached;
  const json = serializeList(listOpportunities(analysis, viewer, options));
  pages.set(key, json);
  if (pages.size > MAX_PAGES_PER_ANALYSIS) {
    const oldest = pages.keys().next().value;
    if (oldest !== undefined) pages.delete(oldest);
  }
  return json;
}
