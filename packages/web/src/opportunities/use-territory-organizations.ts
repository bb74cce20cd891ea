import type { Organization, Page } from '../api/types';
import { useApi } from '../api/use-api';
import { isPublicBuyer } from '../reference/labels';

const PRIVATE_MEMBER_KINDS: readonly Organization['kind'][] = ['sme', 'large_company', 'association'];

/**
 * The buyers of a territory (first 200, by name), for filters and the "add a member" select: public buyers, and
 * private legal persons that are not registered supplier firms, which may join under L2113-6 (as core's
 * `isPotentialMember` decides for the census template).
 */
export function useTerritoryBuyers(slug: string): Organization[] {
  const { data } = useApi<Page<Organization>>('/organizations', { territory: slug, limit: 200 });
  const suppliers = useApi<Page<{ organization: { id: string } }>>('/suppliers', { territory: slug, limit: 200 });
  const supplierIds = new Set((suppliers.data?.items ?? []).map((s) => s.organization.id));
  return (data?.items ?? []).filter(
    (o) => isPublicBuyer(o.kind) || (PRIVATE_MEMBER_KINDS.includes(o.kind) && suppliers.data !== undefined && !supplierIds.has(o.id)),
  );
}
