import { isPotentialMember, type Territory, UNIT_CODES } from '@mutualis/core';
import type { Repositories } from '@mutualis/db';
import { mergeFamilies } from '../analysis';
import { buildCensusTemplate } from '../files';

export interface BuildTerritoryCensusTemplateOptions {
  repos: Repositories;
  territory: Territory;
  /** When given (a member buyer), the template offers this organization only. */
  organizationId?: string;
}

const ALL = { limit: 1_000_000, offset: 0 };

/** The census workbook of a territory: its buyers (public, and private members under L2113-6) and its purchase families as drop-down lists. */
export async function buildTerritoryCensusTemplate({
  repos,
  territory,
  organizationId,
}: BuildTerritoryCensusTemplateOptions): Promise<Buffer> {
  const [organizations, families, suppliers] = await Promise.all([
    repos.organizations.list({ territoryId: territory.id }, ALL),
    repos.families.list({ territoryId: territory.id }),
    repos.supplierProfiles.list({ territoryId: territory.id }, ALL),
  ]);
  const supplierIds = new Set(suppliers.items.map((s) => s.organization.id));
  const buyers = organizations.items.filter(
    (o) => isPotentialMember(o.kind, { isSupplier: supplierIds.has(o.id) }) && (organizationId === undefined || o.id === organizationId),
  );
  return buildCensusTemplate({ organizations: buyers, families: mergeFamilies(families), units: [...UNIT_CODES] });
}
