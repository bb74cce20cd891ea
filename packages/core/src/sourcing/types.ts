import type { Competence, IsoDate, SupplierProfile } from '../domain/types';
import type { ChecklistItem } from '../prerequisites/build-authorisation-checklist';
import type { PrerequisiteTableVersion } from '../prerequisites/product-prerequisites';
import type { JointBidProposal } from '../prerequisites/propose-joint-bids';
import type { PositionBasis } from '../geo/commune-positions';
import type { UnitCode } from '../units/units';

/** A [longitude, latitude] position in degrees (WGS 84). */
export type LonLat = readonly [number, number];

/** Recipe input as sourcing needs it (structurally a subset of `RecipeInput` in `recipes/`). */
export interface SourcingRecipeInput {
  /** CPV code of the input, or null for a material named by its label only. */
  cpvCode: string | null;
  label: string;
  quantityPerUnit: number;
  unit: UnitCode;
}

/** Recipe as sourcing needs it (structurally a subset of `Recipe` in `recipes/`). */
export interface SourcingRecipe {
  /** The stored recipe's id, when it has one (lets a screen link to the recipe that was used). */
  id?: string;
  productCpvCode: string;
  label: string;
  /** Unit of product the input quantities refer to; the need's unit when absent. */
  unit?: UnitCode;
  inputs: readonly SourcingRecipeInput[];
  competences: readonly { code: string; weight: number }[];
}

/** A firm of the territory with where it is. */
export interface SourcingFirm {
  id: string;
  name: string;
  profile: Pick<SupplierProfile, 'competences' | 'products' | 'deliveryRadiusKm'>;
  position: LonLat;
  /** `departement` when the firm's commune has no point and it sits at its département's centroid (default `commune`). */
  positionBasis?: PositionBasis;
  /**
   * Free capacity the firm could shift to a new product (per year). When absent, the largest
   * capacity among its current products of the same dimension is used as an estimate.
   */
  convertibleCapacity?: { quantity: number; unit: UnitCode };
}

/** The pooled need to source: product, pooled volume and delivery sites. */
export interface SourcingNeed {
  productCpvCode: string;
  label: string;
  /** Pooled annual quantity Q in `unit`. */
  quantity: number;
  unit: UnitCode;
  /** INSEE codes of the delivery communes. */
  deliveryCommunes: readonly string[];
}

export interface RankLocalSourcingOptions {
  need: SourcingNeed;
  firms: readonly SourcingFirm[];
  /** Positions of delivery communes (real coordinates or département centroids). */
  positions: Readonly<Record<string, LonLat>>;
  recipes: readonly SourcingRecipe[];
  /** Competence vocabulary, for French labels in explanations. */
  competences: readonly Competence[];
  /** Prebuilt index over `firms` (see buildSourcingIndex); built on the fly when absent. */
  index?: SourcingIndex;
  /** Weighted competence coverage from which a potential producer counts in `coverage.share` (default 1). */
  minProducerCoverage?: number;
  /** Firms listed per category in the result and the graph (default 20); coverage uses all firms. */
  maxListed?: number;
  /** When the product must be ready (start of execution) and today, for the checklist's deadlines. */
  targetDate?: IsoDate;
  now?: IsoDate;
  /** Prerequisites table in force (default: the latest). */
  prerequisiteVersion?: PrerequisiteTableVersion;
}

/** Inverted index of firms by CPV prefix, competence and label word. */
export interface SourcingIndex {
  firms: readonly SourcingFirm[];
  /** Key `${digits}:${prefix}` → indices of firms with a product whose CPV has that prefix. */
  byCpvPrefix: ReadonlyMap<string, readonly number[]>;
  byCompetence: ReadonlyMap<string, readonly number[]>;
  /** Folded word of a product label → indices of firms. */
  byLabelWord: ReadonlyMap<string, readonly number[]>;
}

/** How a firm stands against the delivery sites. */
export interface SiteReach {
  meanDistanceKm: number;
  maxDistanceKm: number;
  /** Every delivery site is within the firm's delivery radius. */
  reachesAllSites: boolean;
  sitesReached: number;
}

export interface DirectSupplier {
  firmId: string;
  name: string;
  /** `exact`: same CPV (or a code under it); `class`: another product of the same CPV class. */
  match: 'exact' | 'class';
  productLabel: string;
  /** Capacity in the need's unit, or null when the units do not convert. */
  capacity: number | null;
  /** Capacity / Q, capped at 1; 0 when not comparable. */
  capacityShare: number;
  reach: SiteReach;
  explanation: string;
}

export interface PotentialProducer {
  firmId: string;
  name: string;
  recipeLabel: string;
  /** Σ weights of required competences held / Σ weights, in [0, 1]. */
  competenceCoverage: number;
  covered: { code: string; label: string }[];
  missing: { code: string; label: string }[];
  capacity: number | null;
  capacityIsEstimated: boolean;
  capacityShare: number;
  reach: SiteReach;
  /** Blocking prerequisites it does not meet: it cannot answer alone until they are met. */
  missingPrerequisites: { code: string; label: string; article: string }[];
  explanation: string;
}

export interface InputSupplier {
  firmId: string;
  name: string;
  productLabel: string;
  capacity: number | null;
  /** Capacity / (Q × quantity per unit), capped at 1. */
  capacityShare: number;
  /** Distance to the nearest listed potential producer, null when none. */
  nearestProducerKm: number | null;
  explanation: string;
}

export interface InputSourcing {
  key: string;
  label: string;
  cpvCode: string | null;
  /** Q × quantity per unit, in `unit`. */
  requiredQuantity: number;
  unit: UnitCode;
  suppliers: InputSupplier[];
  hasLocalSource: boolean;
  /** Σ supplier capacities / required quantity, capped at 1. */
  capacityShare: number;
}

export type SupplyChainNodeKind = 'need' | 'direct_supplier' | 'producer' | 'input' | 'input_supplier';

export interface SupplyChainGraph {
  nodes: { id: string; kind: SupplyChainNodeKind; label: string }[];
  edges: { from: string; to: string; label: string }[];
}

export interface SourcingCoverage {
  /** Share of Q local firms can serve: direct suppliers and producers at the coverage threshold that reach every site, capped at 1. */
  share: number;
  directShare: number;
  producerShare: number;
  /** Every input of the recipe has at least one local source (true when there is no recipe input). */
  allInputsSourced: boolean;
}

export interface SourcingResult {
  need: SourcingNeed;
  /** Id of the recipe used (null without a recipe, or for a recipe without an id). */
  recipeId: string | null;
  recipeLabel: string | null;
  directSuppliers: DirectSupplier[];
  potentialProducers: PotentialProducer[];
  inputs: InputSourcing[];
  coverage: SourcingCoverage;
  graph: SupplyChainGraph;
  /** Notice that this is sourcing (R2111-1), not an award criterion. */
  notice: string;
  /** Blocking prerequisites of the product (authorisations and capabilities), with their legal basis. */
  prerequisites: { code: string; label: string; kind: 'authorisation' | 'capability'; article: string }[];
  /** Candidate joint bids: firms that together cover every competence and prerequisite of the recipe. */
  jointBids: JointBidProposal[];
  /** What must be obtained, from whom, by when; null without a target date or a recipe. */
  checklist: ChecklistItem[] | null;
}
