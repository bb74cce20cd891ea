import {
  type Competence,
  DomainError,
  type LonLat,
  type Organization,
  type PositionBasis,
  type SupplierProfile,
  type Territory,
} from '@mutualis/core';
import type { Repositories } from '@mutualis/db';
import { effectiveRecipes, type TerritoryRecipe } from './effective-recipes';
import { placeOrganization } from './positions';

/** A firm of the territory: its organization, supplier profile and position (its commune's point, else its département's centroid). */
export interface LocalFirm {
  organization: Organization;
  profile: SupplierProfile;
  position: LonLat;
  positionBasis: PositionBasis;
}

/** What sourcing and lot design read about a territory's local capacity. */
export interface LocalContext {
  territory: Territory;
  firms: LocalFirm[];
  recipes: TerritoryRecipe[];
  competences: Competence[];
}

const ALL = { limit: 1_000_000, offset: 0 };

/** Loads the firms (supplier profiles of the territory's organizations), recipes and competence vocabulary. */
export async function loadLocalContext(repos: Repositories, territorySlug: string): Promise<LocalContext> {
  const territory = await repos.territories.getBySlug(territorySlug);
  if (!territory) throw new DomainError('not_found', `Territoire « ${territorySlug} » introuvable.`);
  const [suppliers, stored, competences] = await Promise.all([
    repos.supplierProfiles.list({ territoryId: territory.id }, ALL),
    repos.recipes.listForTerritory(territory.id),
    repos.competences.list({ territoryIds: [territory.id] }),
  ]);
  const firms = suppliers.items.flatMap(({ organization, profile }) => {
    const placed = placeOrganization(organization);
    return placed ? [{ organization, profile, position: placed.position, positionBasis: placed.basis }] : [];
  });
  return { territory, firms, recipes: effectiveRecipes(stored), competences };
}
