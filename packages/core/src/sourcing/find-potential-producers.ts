import type { SupplierProduct } from '../domain/types';
import { convertQuantity } from './convert-quantity';
import { shareOf } from './find-direct-suppliers';
import { measureSiteReach } from './measure-site-reach';
import type { LonLat, PotentialProducer, SourcingFirm, SourcingIndex, SourcingNeed, SourcingRecipe } from './types';

/** A potential producer before its explanation is written. */
export type ProducerCandidate = Omit<PotentialProducer, 'explanation' | 'covered' | 'missing'> & {
  firmIndex: number;
  radiusKm: number;
  coveredCodes: string[];
  missingCodes: string[];
};

export interface FindPotentialProducersOptions {
  index: SourcingIndex;
  need: SourcingNeed;
  recipe: SourcingRecipe;
  sites: readonly (LonLat | null)[];
  /** Firms already listed as direct suppliers: counted once, as suppliers. */
  excluded: ReadonlySet<number>;
}

/**
 * Firms holding at least one competence the recipe requires, with the weighted coverage
 * Σ weights held / Σ weights (algorithms.md §6) and what is missing; best coverage first.
 */
export function findPotentialProducers({ index, need, recipe, sites, excluded }: FindPotentialProducersOptions): ProducerCandidate[] {
  const totalWeight = recipe.competences.reduce((sum, c) => sum + Math.max(0, c.weight), 0);
  if (totalWeight <= 0) return [];
  const candidates = new Set<number>();
  for (const c of recipe.competences) for (const i of index.byCompetence.get(c.code) ?? []) if (!excluded.has(i)) candidates.add(i);
  const result: ProducerCandidate[] = [];
  for (const i of candidates) {
    const firm = index.firms[i];
    if (!firm) continue;
    const held = new Set(firm.profile.competences);
    const coveredCodes = recipe.competences.filter((c) => held.has(c.code)).map((c) => c.code);
    const missingCodes = recipe.competences.filter((c) => !held.has(c.code)).map((c) => c.code);
    const heldWeight = recipe.competences.reduce((sum, c) => sum + (held.has(c.code) ? Math.max(0, c.weight) : 0), 0);
    const { capacity, estimated } = producerCapacity(firm, need);
    result.push({
      firmIndex: i,
      firmId: firm.id,
      name: firm.name,
      recipeLabel: recipe.label,
      competenceCoverage: Math.min(1, heldWeight / totalWeight),
      coveredCodes,
      missingCodes,
      capacity,
      capacityIsEstimated: estimated,
      capacityShare: shareOf(capacity, need.quantity),
      reach: measureSiteReach(firm.position, firm.profile.deliveryRadiusKm, sites),
      radiusKm: firm.profile.deliveryRadiusKm,
    });
  }
  return result.sort(
    (a, b) =>
      b.competenceCoverage - a.competenceCoverage ||
      Number(b.reach.reachesAllSites) - Number(a.reach.reachesAllSites) ||
      b.capacityShare - a.capacityShare ||
      a.reach.meanDistanceKm - b.reach.meanDistanceKm ||
      a.firmId.localeCompare(b.firmId),
  );
}

/**
 * Declared convertible capacity when given; otherwise the largest capacity among the firm's
 * products that converts to the need's unit (a polish line of 6 000 L could fill 6 000 L of gel).
 */
function producerCapacity(firm: SourcingFirm, need: SourcingNeed): { capacity: number | null; estimated: boolean } {
  if (firm.convertibleCapacity) {
    return { capacity: convertQuantity(firm.convertibleCapacity.quantity, firm.convertibleCapacity.unit, need.unit), estimated: false };
  }
  const capacities = firm.profile.products
    .map((p: SupplierProduct) => convertQuantity(p.annualCapacity, p.unit, need.unit))
    .filter((c): c is number => c !== null);
  return { capacity: capacities.length > 0 ? Math.max(...capacities) : null, estimated: true };
}
