import { cpvSignificantDigits, isCpvUnder } from '../cpv/cpv-code';
import type { SupplierProduct } from '../domain/types';
import { cpvPrefixKey } from './build-sourcing-index';
import { convertQuantity } from './convert-quantity';
import { measureSiteReach } from './measure-site-reach';
import type { DirectSupplier, LonLat, SourcingIndex, SourcingNeed } from './types';

/** A direct supplier before its explanation is written (only listed firms get one). */
export type DirectCandidate = Omit<DirectSupplier, 'explanation'> & { firmIndex: number; radiusKm: number };

/**
 * Firms already offering the product: a product under the need's CPV (exact) or elsewhere in its
 * CPV class (class), with capacity in the need's unit; ranked by reach, match, capacity, distance.
 */
export function findDirectSuppliers(index: SourcingIndex, need: SourcingNeed, sites: readonly (LonLat | null)[]): DirectCandidate[] {
  const classDigits = Math.min(4, cpvSignificantDigits(need.productCpvCode));
  const candidates = index.byCpvPrefix.get(cpvPrefixKey(need.productCpvCode, classDigits)) ?? [];
  const result: DirectCandidate[] = [];
  for (const i of candidates) {
    const firm = index.firms[i];
    if (!firm) continue;
    const best = bestProduct(firm.profile.products, need, classDigits);
    if (!best) continue;
    const capacity = convertQuantity(best.product.annualCapacity, best.product.unit, need.unit);
    result.push({
      firmIndex: i,
      firmId: firm.id,
      name: firm.name,
      match: best.match,
      productLabel: best.product.label,
      capacity,
      capacityShare: shareOf(capacity, need.quantity),
      reach: measureSiteReach(firm.position, firm.profile.deliveryRadiusKm, sites),
      radiusKm: firm.profile.deliveryRadiusKm,
    });
  }
  return result.sort(
    (a, b) =>
      Number(b.reach.reachesAllSites) - Number(a.reach.reachesAllSites) ||
      Number(b.match === 'exact') - Number(a.match === 'exact') ||
      b.capacityShare - a.capacityShare ||
      a.reach.meanDistanceKm - b.reach.meanDistanceKm ||
      (a.firmId < b.firmId ? -1 : a.firmId > b.firmId ? 1 : 0),
  );
}

/** Capacity / required, capped at 1; 0 when not comparable or nothing is required. */
export function shareOf(capacity: number | null, required: number): number {
  if (capacity === null || required <= 0) return 0;
  return Math.min(1, Math.max(0, capacity) / required);
}

function bestProduct(
  products: readonly SupplierProduct[],
  need: SourcingNeed,
  classDigits: number,
): { product: SupplierProduct; match: 'exact' | 'class' } | undefined {
  let best: { product: SupplierProduct; match: 'exact' | 'class'; capacity: number } | undefined;
  for (const product of products) {
    if (product.cpvCode.slice(0, classDigits) !== need.productCpvCode.slice(0, classDigits)) continue;
    const match = isCpvUnder(product.cpvCode, need.productCpvCode) ? 'exact' : 'class';
    const capacity = convertQuantity(product.annualCapacity, product.unit, need.unit) ?? -1;
    const better = !best || (match === 'exact' && best.match === 'class') || (match === best.match && capacity > best.capacity);
    if (better) best = { product, match, capacity };
  }
  return best;
}
