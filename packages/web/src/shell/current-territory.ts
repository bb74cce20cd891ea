import type { RoleGrant } from '../api/types';

export interface TerritoryChoice {
  slug: string;
  name: string;
}

/** Distinct territories the user holds a role on, in the order the server lists the roles. */
export function territoriesOf(roles: RoleGrant[]): TerritoryChoice[] {
  const bySlug = new Map<string, TerritoryChoice>();
  for (const role of roles) {
    if (!bySlug.has(role.territorySlug)) bySlug.set(role.territorySlug, { slug: role.territorySlug, name: role.territoryName });
  }
  return [...bySlug.values()];
}

/** The role the user acts with on a territory: the first grant there, facilitator first. */
export function roleOn(roles: RoleGrant[], territorySlug: string | null): RoleGrant | null {
  const onTerritory = roles.filter((role) => role.territorySlug === territorySlug);
  return onTerritory.find((role) => role.role === 'facilitator') ?? onTerritory[0] ?? roles[0] ?? null;
}
