import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { Need, NeedStatus, Page } from '../api/types';
import { useApi } from '../api/use-api';

export const NEEDS_PAGE_SIZE = 25;

/** "3019" searches CPV codes by prefix; anything else searches labels (need and CPV). */
export function searchParams(search: string): { cpv?: string; q?: string } {
  const trimmed = search.trim().replace(/\s+/g, '');
  if (/^\d{2,8}(-\d)?$/.test(trimmed)) return { cpv: trimmed.slice(0, 8) };
  return search.trim() ? { q: search.trim() } : {};
}

/** One page of an organization's needs, fetched from the server (never the whole census). */
export function useNeedsQuery(organizationId: string, territorySlug: string | null) {
  const [page, setPage] = useState(1);
  const [search, setSearchValue] = useState('');
  const [status, setStatusValue] = useState<NeedStatus | null>(null);
  const [debouncedSearch] = useDebouncedValue(search, 300);

  const state = useApi<Page<Need>>('/needs', {
    // Required by the API when the user holds roles on several territories.
    territory: territorySlug,
    organization: organizationId,
    limit: NEEDS_PAGE_SIZE,
    offset: (page - 1) * NEEDS_PAGE_SIZE,
    status,
    ...searchParams(debouncedSearch),
  });

  const setSearch = (value: string) => {
    setSearchValue(value);
    setPage(1);
  };
  const setStatus = (value: NeedStatus | null) => {
    setStatusValue(value);
    setPage(1);
  };
  const pageCount = state.data ? Math.max(1, Math.ceil(state.data.total / NEEDS_PAGE_SIZE)) : 1;

  return { ...state, page, setPage, pageCount, search, setSearch, status, setStatus };
}
