import type { Need, Organization } from '../domain/types';
import { toBaseQuantity } from '../units/units';
import type { DemandUnit } from './types';

/** Delivery communes of a need; a need without any is delivered at its organization's commune. */
export function deliveryCommunesOf(need: Need, organizations: ReadonlyMap<string, Organization>): string[] {
  if (need.deliveryCommunes.length > 0) return need.deliveryCommunes;
  const home = organizations.get(need.organizationId)?.inseeCode;
  return home ? [home] : [];
}

/**
 * Demand units d = (delivery commune, sub-family) of the members' needs: each need is spread
 * evenly over its delivery communes (its organization's commune when it names none). Cents are
 * split without loss, the remainder going to the first communes. A need whose quantity does not
 * convert carries volume 0 and only its amount.
 */
export function buildDemandUnits(needs: readonly Need[], organizations: ReadonlyMap<string, Organization>): DemandUnit[] {
  return needs.flatMap((need) => {
    const communes = deliveryCommunesOf(need, organizations);
    if (communes.length === 0) return [];
    const base = need.quantity !== null && need.unit !== null ? toBaseQuantity(need.quantity, need.unit, need.unitsPerPack) : null;
    const n = communes.length;
    const share = Math.floor(need.annualAmountCents / n);
    const remainder = need.annualAmountCents - share * n;
    return communes.map((siteCode, i) => ({
      id: `${need.id}@${siteCode}`,
      siteCode,
      cpvCode: need.cpvCode,
      volume: base?.ok ? base.quantity / n : 0,
      unit: base?.ok ? base.unit : (need.unit ?? 'unit'),
      amountCents: share + (i < remainder ? 1 : 0),
    }));
  });
}
