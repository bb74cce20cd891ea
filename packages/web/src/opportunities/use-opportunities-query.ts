import { useState } from 'react';
import { useApi } from '../api/use-api';
import type { OpportunityList, OpportunitySort } from './opportunity-types';
import type { ProcedureKind } from './procedure-kinds';

export const OPPORTUNITIES_PAGE_SIZE = 20;
/** Largest page the API serves; used when filtering by procedure, which the API does not filter on. */
const MAX_LIMIT = 200;

export interface OpportunityFilters {
  at: string;
  confirmedOnly: boolean;
  family: string | null;
  departement: string | null;
  procedure: ProcedureKind | null;
  sort: OpportunitySort;
  /** Also show the rarely pooled opportunities (site-specific works, one-off intellectual services). */
  includeRare: boolean;
}

const INITIAL: OpportunityFilters = {
  at: '',
  confirmedOnly: false,
  family: null,
  departement: null,
  procedure: null,
  sort: 'poolability',
  includeRare: false,
};

/**
 * One page of ranked opportunities, sorted and filtered by the server. The procedure filter is applied
 * here on the server's largest page (the API has no procedure parameter); pagination then runs locally.
 */
export function useOpportunitiesQuery(slug: string) {
  const [filters, setFiltersValue] = useState<OpportunityFilters>(INITIAL);
  const [page, setPage] = useState(1);
  const isLocal = filters.procedure !== null;
  const state = useApi<OpportunityList>(`/territories/${encodeURIComponent(slug)}/opportunities`, {
    at: filters.at || undefined,
    confirmedOnly: filters.confirmedOnly || undefined,
    family: filters.family,
    departement: filters.departement,
    sort: filters.sort,
    includeRare: filters.includeRare || undefined,
    limit: isLocal ? MAX_LIMIT : OPPORTUNITIES_PAGE_SIZE,
    offset: isLocal ? 0 : (page - 1) * OPPORTUNITIES_PAGE_SIZE,
  });

  const matching = isLocal ? (state.data?.items ?? []).filter((o) => o.procedure.kind === filters.procedure) : (state.data?.items ?? []);
  const items = isLocal ? matching.slice((page - 1) * OPPORTUNITIES_PAGE_SIZE, page * OPPORTUNITIES_PAGE_SIZE) : matching;
  const total = isLocal ? matching.length : (state.data?.total ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / OPPORTUNITIES_PAGE_SIZE));

  const setFilters = (change: Partial<OpportunityFilters>) => {
    setFiltersValue((current) => ({ ...current, ...change }));
    setPage(1);
  };
  return { ...state, items, total, page, setPage, pageCount, filters, setFilters };
}
