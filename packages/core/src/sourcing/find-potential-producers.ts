import { assessPrerequisites } from '../prerequisites/assess-prerequisites';
import type { ProductPrerequisite } from '../prerequisites/product-prerequisites';
import { convertQuantity } from './convert-quantity';
import { estimateProducerCapacity } from './estimate-producer-capacity';
import { shareOf } from './find-direct-suppliers';
import { measureSiteReach } from './measure-site-reach';
import type { LonLat, PotentialProducer, SourcingFirm, SourcingIndex, SourcingNeed, SourcingRecipe } from './types';

/** A potential producer before its explanation is written. */
export type ProducerCandidate = Omit<PotentialProducer, 'explanation' | 'covered' | 'missing' | 'missingPrerequisites'> & {
  firmIndex: number;
  radiusKm: number;
  coveredCodes: string[];
  missingCodes: string[];
  missingPrerequisites: ProductPrerequisite[];
};

export interface FindPotentialProducersOptions {
  index: SourcingIndex;
  need: SourcingNeed;
  recipe: SourcingRecipe;
  sites: readonly (LonLat | null)[];
  /** Firms already listed as direct suppliers: counted once, as suppliers. */
  excluded: ReadonlySet<number>;
  /** Blocking prerequisites of the product: a producer missing one does not count in the coverage figure. */
  prerequisites?: readonly ProductPrerequisite[];
}

export interface PotentialProducers {
  /** The best `limit` producers (ties at the boundary resolved by reach, capacity, distance). */
  listed: ProducerCandidate[];
  /** Σ capacity of producers at or above `minCoverage` that reach every site (for the coverage figure). */
  servingCapacity: number;
}

/**
 * Firms holding at least one competence the recipe requires, with the weighted coverage
 * Σ weights held / Σ weights (algorithms.md §6) and what is missing; best coverage first.
 * Coverage is summed from the competence index without touching firm records; reach and capacity
 * are measured only for firms that count in the coverage figure or may be listed.
 */
export function findPotentialProducers(
  options: FindPotentialProducersOptions & { minCoverage: number; limit: number },
): PotentialProducers {
  const { index, need, recipe, sites, excluded, minCoverage, limit } = options;
  const weights = new Map<string, number>();
  for (const c of recipe.competences) weights.set(c.code, (weights.get(c.code) ?? 0) + Math.max(0, c.weight));
  const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0);
  if (totalWeight <= 0) return { listed: [], servingCapacity: 0 };
  const held = new Map<number, number>();
  for (const [code, weight] of weights) {
    for (const i of index.byCompetence.get(code) ?? []) if (!excluded.has(i)) held.set(i, (held.get(i) ?? 0) + weight);
  }
  const coverageOf = (i: number) => Math.min(1, (held.get(i) ?? 0) / totalWeight);
  const byCoverage = [...held.keys()].sort((a, b) => coverageOf(b) - coverageOf(a));
  const boundary = coverageOf(byCoverage[Math.min(limit, byCoverage.length) - 1] ?? 0);
  const details = new Map<number, ProducerCandidate>();
  const detail = (i: number) => {
    let d = details.get(i);
    if (!d) {
      d = describeProducer({ i, index, need, recipe, sites, coverage: coverageOf(i), prerequisites: options.prerequisites ?? [] });
      details.set(i, d);
    }
    return d;
  };
  let servingCapacity = 0;
  for (const i of byCoverage) {
    if (coverageOf(i) < minCoverage) break;
    const d = detail(i);
    if (d.reach.reachesAllSites && d.missingPrerequisites.length === 0) servingCapacity += Math.max(0, d.capacity ?? 0);
  }
  const contenders = limit > 0 ? byCoverage.filter((i) => coverageOf(i) >= boundary).map(detail) : [];
  const listed = contenders
    .sort(
      (a, b) =>
        b.competenceCoverage - a.competenceCoverage ||
        Number(b.reach.reachesAllSites) - Number(a.reach.reachesAllSites) ||
        b.capacityShare - a.capacityShare ||
        a.reach.meanDistanceKm - b.reach.meanDistanceKm ||
        (a.firmId < b.firmId ? -1 : a.firmId > b.firmId ? 1 : 0),
    )
    .slice(0, limit);
  return { listed, servingCapacity };
}

function describeProducer({
  i,
  index,
  need,
  recipe,
  sites,
  coverage,
  prerequisites,
}: {
  prerequisites: readonly ProductPrerequisite[];
  i: number;
  index: SourcingIndex;
  need: SourcingNeed;
  recipe: SourcingRecipe;
  sites: readonly (LonLat | null)[];
  coverage: number;
}): ProducerCandidate {
  const firm = index.firms[i] as SourcingFirm;
  const heldCodes = new Set(firm.profile.competences);
  const { capacity, estimated } = producerCapacity(firm, need, recipe);
  return {
    firmIndex: i,
    firmId: firm.id,
    name: firm.name,
    recipeLabel: recipe.label,
    competenceCoverage: coverage,
    coveredCodes: recipe.competences.filter((c) => heldCodes.has(c.code)).map((c) => c.code),
    missingCodes: recipe.competences.filter((c) => !heldCodes.has(c.code)).map((c) => c.code),
    missingPrerequisites: assessPrerequisites(prerequisites, heldCodes).missing,
    capacity,
    capacityIsEstimated: estimated,
    capacityShare: shareOf(capacity, need.quantity),
    reach: measureSiteReach(firm.position, firm.profile.deliveryRadiusKm, sites),
    radiusKm: firm.profile.deliveryRadiusKm,
  };
}

/**
 * Declared convertible capacity when given; otherwise estimated from its lines (estimateProducerCapacity):
 * its own recipe-input line binds (a haulier's haulage), else its largest line in the need's unit.
 */
function producerCapacity(firm: SourcingFirm, need: SourcingNeed, recipe: SourcingRecipe): { capacity: number | null; estimated: boolean } {
  if (firm.convertibleCapacity) {
    return { capacity: convertQuantity(firm.convertibleCapacity.quantity, firm.convertibleCapacity.unit, need.unit), estimated: false };
  }
  const estimate = estimateProducerCapacity({ products: firm.profile.products, recipe, unit: need.unit });
  return { capacity: estimate?.quantity ?? null, estimated: true };
}
