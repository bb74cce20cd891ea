import type { Need, Territory } from '@mutualis/core';
import type { Repositories } from '@mutualis/db';
import { exportNeedsCsv, exportNeedsXlsx } from '../files';

export type NeedsExportFormat = 'xlsx' | 'csv';

export interface ExportTerritoryNeedsOptions {
  repos: Repositories;
  territory: Territory;
  format: NeedsExportFormat;
  /** Narrows the export to one organization (always the caller's own for a member buyer). */
  organizationId?: string;
}

const ALL = { limit: 1_000_000, offset: 0 };

/** The needs census of a territory (or of one of its organizations) as XLSX or French CSV. */
export async function exportTerritoryNeeds({ repos, territory, format, organizationId }: ExportTerritoryNeedsOptions): Promise<Buffer> {
  const [organizations, needs] = await Promise.all([
    repos.organizations.list({ territoryId: territory.id }, ALL),
    repos.needs.listForTerritory(territory.id),
  ]);
  const selected: Need[] = organizationId === undefined ? needs : needs.filter((n) => n.organizationId === organizationId);
  const input = { needs: selected, organizations: organizations.items };
  return format === 'xlsx' ? exportNeedsXlsx(input) : Buffer.from(exportNeedsCsv(input), 'utf8');
}
