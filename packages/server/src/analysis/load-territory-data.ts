import type { Need, Organization, PurchaseFamily, RunningContract, Territory } from '@mutualis/core';
import { DomainError } from '@mutualis/core';
import { DEFAULT_FAMILIES } from '@mutualis/core/families';
import type { CoordinatorOverride, Repositories } from '@mutualis/db';

/** Everything stored about a territory that its analysis reads. */
export interface TerritoryData {
  territory: Territory;
  organizations: Organization[];
  needs: Need[];
  runningContracts: RunningContract[];
  families: PurchaseFamily[];
  overrides: CoordinatorOverride[];
}

/** Every member organization of a territory fits in one page. */
const ALL = { limit: 1_000_000, offset: 0 };

/**
 * Shipped families come from the code (DEFAULT_FAMILIES), not from their copy in the database:
 * the stored copy is a snapshot taken when the demo or the vocabulary was loaded. Stored families
 * of the territory (and any other shipped one) are added.
 */
export function mergeFamilies(stored: readonly PurchaseFamily[]): PurchaseFamily[] {
  const shippedIds = new Set(DEFAULT_FAMILIES.map((f) => f.id));
  return [...DEFAULT_FAMILIES, ...stored.filter((f) => !shippedIds.has(f.id))];
}

/** Loads a territory by slug with its organizations, needs, running contracts, families and coordinator overrides. */
export async function loadTerritoryData(repos: Repositories, territorySlug: string): Promise<TerritoryData> {
  const territory = await repos.territories.getBySlug(territorySlug);
  if (!territory) throw new DomainError('not_found', `Territoire « ${territorySlug} » introuvable.`);
  const [organizations, needs, runningContracts, stored, overrides] = await Promise.all([
    repos.organizations.list({ territoryId: territory.id }, ALL),
    repos.needs.listForTerritory(territory.id),
    repos.runningContracts.listForTerritory(territory.id),
    repos.families.list({ territoryId: territory.id }),
    repos.coordinatorOverrides.listForTerritory(territory.id),
  ]);
  return { territory, organizations: organizations.items, needs, runningContracts, families: mergeFamilies(stored), overrides };
}
