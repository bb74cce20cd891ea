import { isCpvUnder } from '../cpv/cpv-code';
import { assessPrerequisites } from '../prerequisites/assess-prerequisites';
import {
  type PrerequisiteTableVersion,
  type ProductPrerequisite,
  prerequisitesInForce,
  prerequisitesOfProduct,
} from '../prerequisites/product-prerequisites';
import { type JointBidProposal, proposeJointBids } from '../prerequisites/propose-joint-bids';
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
  /** Blocking prerequisites of the product it does not meet (biocide declaration, ICPE status…). */
  missingPrerequisites: Pick<ProductPrerequisite, 'code' | 'labelFr' | 'article'>[];
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
  /** Prerequisites table in force (default: the latest version). */
  prerequisites?: PrerequisiteTableVersion;
  /** Competence labels, for the explanations of joint bids (default: the codes). */
  competenceLabel?: (code: string) => string;
}

export interface LotFirmsResult {
  /** Firms with at least one offer, as `designLots` reads them. */
  firms: LotFirm[];
  /** Every firm related to the demand (an offer or a rejected recipe), for explanations. */
  assessed: AssessedLotFirm[];
  /** Candidate joint bids (groupements d'opérateurs économiques) of firms that cannot answer alone. */
  jointBids: JointBidProposal[];
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
  const version = options.prerequisites ?? prerequisitesInForce('9999-12-31');
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
      const assessment = assessProducer({
        record,
        recipe,
        firms,
        minProducerCoverage,
        prerequisites: prerequisitesOfProduct(recipe.productCpvCode, version),
      });
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
  const joint = jointBidsOf({ firms, recipes: demandRecipes, assessed, version, competenceLabel: options.competenceLabel ?? ((c) => c) });
  const all = [...assessed, ...joint.assessed];
  return {
    firms: all.filter((a) => a.firm.offers.length > 0).map((a) => a.firm),
    assessed: all.filter((a) => a.firm.offers.length > 0 || a.rejectedProducers.length > 0),
    jointBids: joint.proposals,
  };
}

/**
 * Firms that cannot make a demanded product alone (a near miss on competences or a blocking
 * prerequisite) but hold a capacity line, with the partners that complete them: each candidate joint
 * bid answers as one bidder — the lead's position, radius and capacity, every competence and prerequisite.
 */
function jointBidsOf({
  firms,
  recipes,
  assessed,
  version,
  competenceLabel,
}: {
  firms: readonly LocalFirmRecord[];
  recipes: readonly LotRecipe[];
  assessed: readonly AssessedLotFirm[];
  version: PrerequisiteTableVersion;
  competenceLabel: (code: string) => string;
}): { proposals: JointBidProposal[]; assessed: AssessedLotFirm[] } {
  const byId = new Map(firms.map((f) => [f.id, f] as const));
  const proposals: JointBidProposal[] = [];
  const joint: AssessedLotFirm[] = [];
  for (const recipe of recipes) {
    const base = toBaseQuantity(1, recipe.unit);
    if (!base.ok) continue;
    const leads = assessed
      .filter((a) => a.rejectedProducers.some((r) => r.recipeLabel === recipe.label))
      .map((a) => byId.get(a.firm.id))
      .filter((f): f is LocalFirmRecord => f !== undefined)
      .filter((f) => estimateProducerCapacity({ products: f.profile.products, recipe, unit: base.unit }) !== null);
    // A firm that can answer alone bids alone: joining it to another would not add a bidder.
    const alone = new Set(
      assessed.filter((a) => a.firm.offers.some((o) => related(o.cpvCode, recipe.productCpvCode))).map((a) => a.firm.id),
    );
    const found = proposeJointBids({
      recipe,
      prerequisites: prerequisitesOfProduct(recipe.productCpvCode, version),
      leads: leads.filter((f) => !alone.has(f.id)).map(toJointBidFirm),
      firms: firms.filter((f) => !alone.has(f.id)).map(toJointBidFirm),
      labelOf: competenceLabel,
    });
    for (const proposal of found) {
      const lead = byId.get(proposal.leadId) as LocalFirmRecord;
      const capacity = estimateProducerCapacity({ products: lead.profile.products, recipe, unit: base.unit });
      if (!capacity) continue;
      proposals.push(proposal);
      joint.push({
        firm: {
          id: jointBidId(proposal),
          position: lead.position,
          deliveryRadiusKm: lead.profile.deliveryRadiusKm,
          offers: [
            {
              cpvCode: recipe.productCpvCode,
              freeCapacity: capacity.quantity,
              basis: {
                kind: 'joint',
                recipeLabel: recipe.label,
                memberIds: [proposal.leadId, ...proposal.partnerIds],
                explanation: proposal.explanation,
                inputs: inputSourcesOf(lead, recipe, firms),
              },
            },
          ],
          isInclusionFirm: false,
        },
        name: proposal.name,
        positionBasis: lead.positionBasis,
        rejectedProducers: [],
      });
    }
  }
  return { proposals, assessed: joint };
}

/** Id of a joint bid as a lot bidder: `joint:<lead>+<partner>…`. */
export function jointBidId(proposal: Pick<JointBidProposal, 'leadId' | 'partnerIds'>): string {
  return `joint:${[proposal.leadId, ...proposal.partnerIds].join('+')}`;
}

function toJointBidFirm(f: LocalFirmRecord) {
  return { id: f.id, name: f.name, competences: f.profile.competences };
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
  prerequisites,
}: {
  record: LocalFirmRecord;
  recipe: LotRecipe;
  firms: readonly LocalFirmRecord[];
  minProducerCoverage: number;
  prerequisites: readonly ProductPrerequisite[];
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
  // Prerequisites block whatever the coverage: the polish maker covers 83 % of the gel's competences
  // but may not place a biocide on the market before declaring it.
  const missingPrerequisites = assessPrerequisites(prerequisites, held).missing.map(({ code, labelFr, article }) => ({
    code,
    labelFr,
    article,
  }));
  if (coverage < minProducerCoverage || missingPrerequisites.length > 0) {
    return {
      kind: 'rejected',
      rejected: {
        recipeLabel: recipe.label,
        productCpvCode: recipe.productCpvCode,
        coverage,
        missing,
        minCoverage: minProducerCoverage,
        missingPrerequisites,
      },
    };
  }
  const base = toBaseQuantity(1, recipe.unit);
  const capacity = base.ok ? estimateProducerCapacity({ products: record.profile.products, recipe, unit: base.unit }) : null;
  if (!capacity) return { kind: 'unrelated' };
  const inputs = inputSourcesOf(record, recipe, firms);
  return {
    kind: 'offer',
    offer: {
      cpvCode: recipe.productCpvCode,
      freeCapacity: capacity.quantity,
      basis: { kind: 'producer', recipeLabel: recipe.label, coverage, covered, missing, capacityLine: capacity.line, inputs },
    },
  };
}

/** Inputs with a CPV code: whether the firm supplies it itself, else the local firms that sell it. */
function inputSourcesOf(record: LocalFirmRecord, recipe: LotRecipe, firms: readonly LocalFirmRecord[]) {
  return recipe.inputs.flatMap((input) => {
    const cpv = input.cpvCode;
    if (cpv === null) return [];
    const sells = (f: LocalFirmRecord) => f.profile.products.some((p) => related(p.cpvCode, cpv));
    const isOwn = sells(record);
    const localSupplierIds = isOwn ? [] : firms.filter((f) => f.id !== record.id && sells(f)).map((f) => f.id);
    return [{ label: input.label, isOwn, localSupplierIds }];
  });
}

/** Distance to a site, plus a metre so the site is inside the radius despite rounding. */
function farthest(from: LotPosition, to: LotPosition | undefined): number {
  return to ? haversineKm(from, to) + 0.001 : 0;
}

/** ESAT, entreprise adaptée or SIAE, read from the certifications a firm lists (L2113-12, L2113-13). */
export function isInclusionFirm(certifications: readonly string[]): boolean {
  return certifications.some((c) => /\b(ESAT|EA|SIAE|IAE)\b|entreprise adaptée|insertion/i.test(c));
}
