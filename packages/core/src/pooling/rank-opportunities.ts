import { POOLABILITY_TIERS, type Poolability, type PoolabilityTier } from './assess-poolability';

const TIER_ORDER = Object.fromEntries(POOLABILITY_TIERS.map((tier, i) => [tier, i])) as Record<PoolabilityTier, number>;

/** What the ranking reads of an opportunity (of a territory or of the observatory). */
export interface Rankable {
  id: string;
  annualAmountCents: number;
  poolability: Pick<Poolability, 'tier'>;
}

/**
 * Opportunities best first: by poolability tier (families already pooled elsewhere, other
 * recurring purchases, occasional equipment, rarely pooled works and one-off intellectual
 * services), then by pooled annual amount, largest first, then by id (a total order: the result
 * does not depend on input order).
 */
export function rankOpportunities<T extends Rankable>(opportunities: readonly T[]): T[] {
  return [...opportunities].sort(
    (a, b) =>
      TIER_ORDER[a.poolability.tier] - TIER_ORDER[b.poolability.tier] ||
      b.annualAmountCents - a.annualAmountCents ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
