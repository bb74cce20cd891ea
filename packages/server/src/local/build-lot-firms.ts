import {
  type DemandUnit,
  haversineKm,
  isCpvUnder,
  type LonLat,
  type LotFirm,
  type LotFirmOffer,
  type LotSite,
  type SupplierProduct,
  toBaseQuantity,
  UNITS,
} from '@mutualis/core';
import type { InterestDeclaration } from '@mutualis/db';
import type { TerritoryRecipe } from './effective-recipes';
import type { LocalFirm } from './load-local-context';

/** Why a firm may answer a lot: it sells the product, could produce it (recipe), or declared capacity. */
export type OfferSource = 'product' | 'producer' | 'declaration';

export interface BuildLotFirmsOptions {
  firms: readonly LocalFirm[];
  demand: readonly DemandUnit[];
  sites: readonly LotSite[];
  recipes: readonly TerritoryRecipe[];
  minProducerCoverage: number;
  /** Declarations on planned consultations of this opportunity; each names a lot id of the designer. */
  declarations: readonly InterestDeclaration[];
  /** Lot id → delivery communes of that lot, to extend a declaring firm's reach to it. */
  lotSites: ReadonlyMap<string, readonly string[]>;
}

export interface LotFirmsResult {
  firms: LotFirm[];
  /** Firm id → sources of its offers, for the explanation of eligibility. */
  sources: Map<string, Set<OfferSource>>;
}

const related = (a: string, b: string) => isCpvUnder(a, b) || isCpvUnder(b, a);

/**
 * Local firms as the lot designer reads them: offers from their products (in the base unit of the
 * demand's dimension), from recipes they could produce (weighted competence coverage at least
 * `minProducerCoverage`, capacity estimated as their largest capacity of the recipe's dimension),
 * and from declarations of interest. A declared capacity counts for the sub-families of the declared lot,
 * and the firm's delivery radius is stretched to that lot's sites: the firm said it can serve them.
 */
export function buildLotFirms(options: BuildLotFirmsOptions): LotFirmsResult {
  const { firms, demand, sites, recipes, minProducerCoverage, declarations, lotSites } = options;
  const demandCpvs = new Map(demand.map((d) => [d.cpvCode, UNITS[d.unit].dimension] as const));
  const sitePosition = new Map(sites.map((s) => [s.code, s.position] as const));
  const sources = new Map<string, Set<OfferSource>>();
  const lotFirms = firms.map(({ organization, profile, position }) => {
    const found = new Set<OfferSource>();
    const offers: LotFirmOffer[] = [];
    for (const product of profile.products) {
      const offer = productOffer(product, demandCpvs);
      if (!offer) continue;
      offers.push(offer);
      found.add('product');
    }
    for (const recipe of recipes) {
      if (![...demandCpvs.keys()].some((cpv) => related(cpv, recipe.productCpvCode))) continue;
      const capacity = producerCapacity(profile.competences, profile.products, recipe, minProducerCoverage);
      if (capacity === null) continue;
      offers.push({ cpvCode: recipe.productCpvCode, freeCapacity: capacity });
      found.add('producer');
    }
    let radius = profile.deliveryRadiusKm;
    for (const declaration of declarations.filter((d) => d.organizationId === organization.id)) {
      const codes = lotSites.get(declaration.lotId) ?? [];
      const capacity = toBaseQuantity(declaration.capacity, declaration.unit);
      if (codes.length === 0 || !capacity.ok) continue;
      const lotCpvs = new Set(demand.filter((d) => codes.includes(d.siteCode)).map((d) => d.cpvCode));
      for (const cpvCode of lotCpvs) offers.push({ cpvCode, freeCapacity: capacity.quantity });
      radius = Math.max(radius, ...codes.map((c) => farthest(position, sitePosition.get(c))));
      found.add('declaration');
    }
    sources.set(organization.id, found);
    return {
      id: organization.id,
      position,
      deliveryRadiusKm: radius,
      offers,
      isInclusionFirm: isInclusionFirm(profile.certifications),
    } satisfies LotFirm;
  });
  return { firms: lotFirms.filter((f) => f.offers.length > 0), sources };
}

function productOffer(product: SupplierProduct, demandCpvs: ReadonlyMap<string, string>): LotFirmOffer | null {
  const base = toBaseQuantity(product.annualCapacity, product.unit);
  if (!base.ok) return null;
  const matches = [...demandCpvs].some(([cpv, dimension]) => related(cpv, product.cpvCode) && dimension === base.dimension);
  return matches ? { cpvCode: product.cpvCode, freeCapacity: base.quantity } : null;
}

/** Estimated capacity of a potential producer of `recipe`, or null when its coverage is too low or no capacity compares. */
function producerCapacity(
  competences: readonly string[],
  products: readonly SupplierProduct[],
  recipe: TerritoryRecipe,
  minCoverage: number,
): number | null {
  const total = recipe.competences.reduce((sum, c) => sum + c.weight, 0);
  const held = recipe.competences.filter((c) => competences.includes(c.code)).reduce((sum, c) => sum + c.weight, 0);
  if (total <= 0 || held / total < minCoverage) return null;
  const dimension = UNITS[recipe.unit].dimension;
  const capacities = products.flatMap((p) => {
    const base = toBaseQuantity(p.annualCapacity, p.unit);
    return base.ok && base.dimension === dimension ? [base.quantity] : [];
  });
  return capacities.length > 0 ? Math.max(...capacities) : null;
}

/** Distance to a site, plus a metre so the site is inside the radius despite rounding. */
function farthest(from: LonLat, to: LonLat | undefined): number {
  return to ? haversineKm(from, to) + 0.001 : 0;
}

/** ESAT, entreprise adaptée or SIAE, read from the certifications a firm lists (L2113-12, L2113-13). */
export function isInclusionFirm(certifications: readonly string[]): boolean {
  return certifications.some((c) => /\b(ESAT|EA|SIAE|IAE)\b|entreprise adaptée|insertion/i.test(c));
}
