import { isCpvUnder } from '../cpv/cpv-code';
import type { SupplierProduct, SupplierProfile } from '../domain/types';
import type { PositionBasis } from '../geo/commune-positions';
import { haversineKm } from '../geo/communes';
import { estimateProducerCapacity } from '../sourcing/estimate-producer-capacity';
import type { SourcingRecipe } from '../sourcing/types';
import { toBaseQuantity, type UnitCode, UNITS } from '../units/units';
import type { DemandUnit, LotFirm, LotFirmOffer, LotPosition, LotSite } from './types';

/** A local firm as recorded: where it is, what it sells and what it can do. */
export interface LocalFirmRecord {
  id: string;
  name: string;
  position: LotPosition;
  /** Whether `position` is its commune's point or, failing that, its département's centroid. */
  positionBasis: PositionBasis;
  profile: Pick<SupplierProfile, 'competences' | 'products' | 'deliveryRadiusKm' | 'certifications'>;
}

/** A recipe as lot design reads it: the unit its input quantities refer to is required. */
export type LotRecipe = SourcingRecipe & { unit: UnitCode };

/** A firm's declaration of interest on a published lot: the lot's delivery communes and the capacity it declared. */
export interface LotInterestDeclaration {
  firmId: string;
  lotLabel: string;
  siteCodes: readonly string[];
  quantity: number;
  unit: UnitCode;
}

/** A recipe a firm was assessed against but does not qualify for, kept to explain why. */
export interface RejectedProducer {
  recipeLabel: string;
  productCpvCode: string;
  coverage: number;
  missing: string[];
  minCoverage: number;
}

/** A firm with everything that decides and explains its eligibility. */
export interface AssessedLotFirm {
  firm: LotFirm;
  name: string;
  positionBasis: PositionBasis;
  /** Recipes of the demand whose competences it covers at least half the threshold but below it (near misses). */
  rejectedProducers: RejectedProducer[];
}

export interface BuildLotFirmsOptions {
  firms: readonly LocalFirmRecord[];
  demand: readonly DemandUnit[];
  sites: readonly LotSite[];
  recipes: readonly LotRecipe[];
  /** Weighted competence coverage from which a firm counts as a potential producer, in (0, 1]. */
  minProducerCoverage: number;
  declarations?: readonly LotInterestDeclaration[];
}

export interface LotFirmsResult {
  /** Firms with at least one offer, as `designLots` reads them. */
  firms: LotFirm[];
  /** Every firm related to the demand (an offer or a rejected recipe), for explanations. */
  assessed: AssessedLotFirm[];
}

const related = (a: string, b: string) => isCpvUnder(a, b) || isCpvUnder(b, a);

/**
 * Local firms as the lot designer reads them, each offer with its basis: (a) a product it sells in
 * the demand's dimension, capacity = its declared annual capacity; (b) a recipe of a demanded product
 * whose weighted competences it covers at least `minProducerCoverage` — it makes or assembles the
 * product and buys the inputs it does not supply itself, capacity = its own recipe-input line divided
 * by the input's quantity per unit (a haulier's haulage capacity), else its largest line of the
 * recipe's dimension; (c) a declaration of interest on a published lot: the declared capacity for
 * that lot's sub-families, its delivery radius stretched to the lot's sites (it said it serves them).
 */
export function buildLotFirms(options: BuildLotFirmsOptions): LotFirmsResult {
  const { firms, demand, sites, recipes, minProducerCoverage, declarations = [] } = options;
  const demandDimensions = new Map(demand.map((d) => [d.cpvCode, UNITS[d.unit].dimension] as const));
  const demandRecipes = recipes.filter((r) => [...demandDimensions.keys()].some((cpv) => related(cpv, r.productCpvCode)));
  const sitePosition = new Map(sites.map((s) => [s.code, s.position] as const));
  const assessed = firms.map((record): AssessedLotFirm => {
    const offers: LotFirmOffer[] = [];
    for (const product of record.profile.products) {
      const offer = productOffer(product, demandDimensions);
      if (offer) offers.push(offer);
    }
    const rejectedProducers: RejectedProducer[] = [];
    for (const recipe of demandRecipes) {
      const assessment = assessProducer({ record, recipe, firms, minProducerCoverage });
      if (assessment.kind === 'offer') offers.push(assessment.offer);
      else if (assessment.kind === 'rejected') rejectedProducers.push(assessment.rejected);
    }
    let radius = record.profile.deliveryRadiusKm;
    for (const declaration of declarations.filter((d) => d.firmId === record.id)) {
      const capacity = toBaseQuantity(declaration.quantity, declaration.unit);
      if (declaration.siteCodes.length === 0 || !capacity.ok) continue;
      const lotCpvs = new Set(demand.filter((d) => declaration.siteCodes.includes(d.siteCode)).map((d) => d.cpvCode));
      for (const cpvCode of lotCpvs) {
        offers.push({ cpvCode, freeCapacity: capacity.quantity, basis: { kind: 'declaration', lotLabel: declaration.lotLabel } });
      }
      radius = Math.max(radius, ...declaration.siteCodes.map((c) => farthest(record.position, sitePosition.get(c))));
    }
    const firm: LotFirm = {
      id: record.id,
      position: record.position,
      deliveryRadiusKm: radius,
      offers,
      isInclusionFirm: isInclusionFirm(record.profile.certifications),
    };
    return { firm, name: record.name, positionBasis: record.positionBasis, rejectedProducers };
  });
  return {
    firms: assessed.filter((a) => a.firm.offers.length > 0).map((a) => a.firm),
    assessed: assessed.filter((a) => a.firm.offers.length > 0 || a.rejectedProducers.length > 0),
  };
}

function productOffer(product: SupplierProduct, demandDimensions: ReadonlyMap<string, string>): LotFirmOffer | null {
  const base = toBaseQuantity(product.annualCapacity, product.unit);
  if (!base.ok) return null;
  const matches = [...demandDimensions].some(([cpv, dimension]) => related(cpv, product.cpvCode) && dimension === base.dimension);
  return matches
    ? { cpvCode: product.cpvCode, freeCapacity: base.quantity, basis: { kind: 'product', productLabel: product.label } }
    : null;
}

type ProducerAssessment = { kind: 'offer'; offer: LotFirmOffer } | { kind: 'rejected'; rejected: RejectedProducer } | { kind: 'unrelated' };

function assessProducer({
  record,
  recipe,
  firms,
  minProducerCoverage,
}: {
  record: LocalFirmRecord;
  recipe: LotRecipe;
  firms: readonly LocalFirmRecord[];
  minProducerCoverage: number;
}): ProducerAssessment {
  const held = new Set(record.profile.competences);
  const total = recipe.competences.reduce((sum, c) => sum + Math.max(0, c.weight), 0);
  const heldWeight = recipe.competences.filter((c) => held.has(c.code)).reduce((sum, c) => sum + Math.max(0, c.weight), 0);
  if (total <= 0 || heldWeight <= 0) return { kind: 'unrelated' };
  const coverage = Math.min(1, heldWeight / total);
  const covered = recipe.competences.filter((c) => held.has(c.code)).map((c) => c.code);
  const missing = recipe.competences.filter((c) => !held.has(c.code)).map((c) => c.code);
  // Below half the threshold a firm is not a near miss worth explaining (a warehouse holding only
  // stock management is not "almost" a salt contractor).
  if (coverage < minProducerCoverage / 2) return { kind: 'unrelated' };
  if (coverage < minProducerCoverage) {
    return {
      kind: 'rejected',
      rejected: { recipeLabel: recipe.label, productCpvCode: recipe.productCpvCode, coverage, missing, minCoverage: minProducerCoverage },
    };
  }
  const base = toBaseQuantity(1, recipe.unit);
  const capacity = base.ok ? estimateProducerCapacity({ products: record.profile.products, recipe, unit: base.unit }) : null;
  if (!capacity) return { kind: 'unrelated' };
  const inputs = recipe.inputs.flatMap((input) => {
    const cpv = input.cpvCode;
    if (cpv === null) return [];
    const sells = (f: LocalFirmRecord) => f.profile.products.some((p) => related(p.cpvCode, cpv));
    const isOwn = sells(record);
    const localSupplierIds = isOwn ? [] : firms.filter((f) => f.id !== record.id && sells(f)).map((f) => f.id);
    return [{ label: input.label, isOwn, localSupplierIds }];
  });
  return {
    kind: 'offer',
    offer: {
      cpvCode: recipe.productCpvCode,
      freeCapacity: capacity.quantity,
      basis: { kind: 'producer', recipeLabel: recipe.label, coverage, covered, missing, capacityLine: capacity.line, inputs },
    },
  };
}

/** Distance to a site, plus a metre so the site is inside the radius despite rounding. */
function farthest(from: LotPosition, to: LotPosition | undefined): number {
  return to ? haversineKm(from, to) + 0.001 : 0;
}

/** ESAT, entreprise adaptée or SIAE, read from the certifications a firm lists (L2113-12, L2113-13). */
export function isInclusionFirm(certifications: readonly string[]): boolean {
  return certifications.some((c) => /\b(ESAT|EA|SIAE|IAE)\b|entreprise adaptée|insertion/i.test(c));
}
