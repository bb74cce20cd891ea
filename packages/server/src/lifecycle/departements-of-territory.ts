import { PUBLIC_BUYER_KINDS } from '@mutualis/core';
import type { Repositories } from '@mutualis/db';

/** Départements of a territory: those of its public buyers (a holder established there is a local firm). */
export async function departementsOfTerritory(repos: Repositories, territoryId: string): Promise<string[]> {
  const organizations = await repos.organizations.list({ territoryId }, { limit: 1_000_000, offset: 0 });
  return [...new Set(organizations.items.filter((o) => PUBLIC_BUYER_KINDS.includes(o.kind)).map((o) => o.departementCode))].sort();
}
