import type { Organization, Page } from '../api/types';
import { useApi } from '../api/use-api';
import { isPublicBuyer } from '../reference/labels';

/** The public buyers of a territory (first 200, by name), for filters and the "add a member" select. */
export function useTerritoryBuyers(slug: string): Organization[] {
  const { data } = useApi<Page<Organization>>('/organizations', { territory: slug, limit: 200 });
  return (data?.items ?? []).filter((organization) => isPublicBuyer(organization.kind));
}
