import type { Actor } from './actor';
import { hasRoleIn } from './actor';

/**
 * Whether the caller may see prices (unit prices, amounts) of `organizationId` in `territoryId`:
 * facilitators and observers of the territory, and the organization's own member buyers.
 * A member buyer never sees another member's prices.
 */
export function canSeePrices(actor: Actor, territoryIds: readonly string[], organizationId: string): boolean {
  if (territoryIds.some((t) => hasRoleIn(actor, t, ['facilitator', 'observer']))) return true;
  return actor.grants.some((g) => g.role === 'member' && g.organizationId === organizationId);
}

/**
 * A key such that two callers with the same key see the same prices in these territories (what
 * `canSeePrices` depends on): `*` when they see every price, else their member organizations.
 */
export function priceViewKey(actor: Actor, territoryIds: readonly string[]): string {
  if (territoryIds.some((t) => hasRoleIn(actor, t, ['facilitator', 'observer']))) return '*';
  const own = actor.grants.flatMap((g) => (g.role === 'member' && g.organizationId !== null ? [g.organizationId] : []));
  return [...new Set(own)].sort().join(',');
}

/** Whether the caller sees supplier capacities (facilitator, observer, or the firm itself); members see published fields only. */
export function canSeeSupplierCapacities(actor: Actor, territoryIds: readonly string[], organizationId: string): boolean {
  if (territoryIds.some((t) => hasRoleIn(actor, t, ['facilitator', 'observer']))) return true;
  return actor.grants.some((g) => g.role === 'supplier' && g.organizationId === organizationId);
}
