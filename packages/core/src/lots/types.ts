import type { Cents } from '../domain/types';
import type { UnitCode } from '../units/units';

/** A [longitude, latitude] position in degrees (WGS 84). */
export type LotPosition = readonly [number, number];

/** One delivery site (an INSEE commune) with its place in the geographic hierarchy. */
export interface LotSite {
  code: string;
  position: LotPosition;
  /** SIREN of its EPCI, or null when the commune has none (the level is skipped). */
  epciCode: string | null;
  departementCode: string;
}

/** Demand unit d = (delivery site, product sub-family) with its volume and baseline amount. */
export interface DemandUnit {
  id: string;
  siteCode: string;
  /** CPV code of the sub-family (8 digits). */
  cpvCode: string;
  /** Annual volume in the base unit `unit` of the sub-family's dimension (L, kg, unit...). */
  volume: number;
  unit: UnitCode;
  /** What the buyers pay today at their own volume (baseline of the savings). */
  amountCents: Cents;
}

/** Why a firm may answer a lot's sub-family, kept to explain its eligibility. */
export type LotOfferBasis =
  /** It sells the product today. */
  | { kind: 'product'; productLabel: string }
  /**
   * It holds enough of the recipe's competences to make or assemble the product, buying the inputs
   * it does not make itself (a haulier with a salt shed buys salt and delivers it).
   */
  | {
      kind: 'producer';
      recipeLabel: string;
      /** Weighted competence coverage in [0, 1] and the competence codes held and missing. */
      coverage: number;
      covered: string[];
      missing: string[];
      /** The product line its capacity is read from, and whether that line is one of the recipe's inputs. */
      capacityLine: { label: string; isRecipeInput: boolean };
      /** Inputs with a CPV code: whether the firm supplies it itself, else the local firms that sell it. */
      inputs: { label: string; isOwn: boolean; localSupplierIds: string[] }[];
    }
  /** It declared interest and capacity on a published lot of the forecast. */
  | { kind: 'declaration'; lotLabel: string }
  /** A candidate joint bid (R2142-19): firms that together cover every competence and prerequisite of the recipe. */
  | {
      kind: 'joint';
      recipeLabel: string;
      memberIds: string[];
      explanation: string;
      /** Inputs of the lead (the maker), as for a producer. */
      inputs: { label: string; isOwn: boolean; localSupplierIds: string[] }[];
    };

/** What a firm supplies, or could produce, with its free capacity in the base unit of the demand. */
export interface LotFirmOffer {
  /** A code covers the sub-families under it; a finer code covers the sub-family containing it. */
  cpvCode: string;
  freeCapacity: number;
  basis?: LotOfferBasis;
}

/** A local firm as lot design needs it. */
export interface LotFirm {
  id: string;
  position: LotPosition;
  deliveryRadiusKm: number;
  offers: readonly LotFirmOffer[];
  /** SIAE or entreprise adaptée / ESAT: lots it can serve may be reserved (L2113-12, L2113-13). */
  isInclusionFirm?: boolean;
}

export interface DesignLotsOptions {
  sites: readonly LotSite[];
  demand: readonly DemandUnit[];
  firms: readonly LotFirm[];
  /** Minimum number of eligible local firms for a lot to count as accessible (default 2). */
  minEligibleFirms?: number;
  /** Volume elasticity b of p(V) = p_ref × (V/V_ref)^(−b) (default 0.1; callers pass the family's central b). */
  elasticity?: number;
  /**
   * The figure shown for a structure from its lot-model savings and the single lot's (default: the
   * lot-model savings rounded). The opportunity designer maps them onto the opportunity's own estimate.
   */
  savingsOfStructure?: (lotModelSavings: number, singleLotModelSavings: number) => number;
  /** Elasticity per CPV prefix; the longest matching prefix wins over `elasticity`. */
  elasticityByCpv?: Readonly<Record<string, number>>;
  /** R2113-1: maximum number of lots one bidder may win; null for no limit (default null). */
  maxLotsPerBidder?: number | null;
  /** Largest number of points kept per frontier; beyond it an ε-grid thins it (default 64). */
  maxFrontierSize?: number;
  /** The buyer is an entité adjudicatrice (opens the L2113-11 3° ground). */
  isAdjudicatingEntity?: boolean;
  territoryLabel?: string;
}

export interface Lot {
  id: string;
  /** Geographic node: `T` (territory), `D:16`, `E:200071827` or `C:16015`. */
  geoNode: string;
  /** Product node: `*` (all), a CPV prefix such as `3374` (class), or `=33741300` (a sub-family). */
  productNode: string;
  label: string;
  demandUnitIds: string[];
  /** Volume per unit, in base units ("L" → 9 000). */
  volumes: Partial<Record<UnitCode, number>>;
  amountCents: number;
  savingsCents: number;
  eligibleFirmIds: string[];
  isAccessible: boolean;
  /** An eligible SIAE / EA / ESAT exists: the lot may be reserved (L2113-12, L2113-13). */
  isReservable: boolean;
}

export interface LotStructure {
  id: string;
  /** The figure shown (see `savingsOfStructure`). */
  savingsCents: number;
  /** Volume effect of the structure in the lot model: Σ over its lots (before any mapping). */
  lotModelSavings: number;
  /** Share of the demand weight (volume, or amount when units are mixed) in accessible lots. */
  accessibleShare: number;
  lots: Lot[];
}

export interface AwardFeasibility {
  maxLotsPerBidder: number | null;
  /** Lots that can each go to a distinct-enough local firm when no firm wins more than the maximum. */
  lotsAwardableLocally: number;
  lotCount: number;
}

export interface JustificationGround {
  article: string;
  applies: 'yes' | 'no' | 'to_assess';
  reason: string;
}

export interface SingleLotJustification {
  grounds: JustificationGround[];
  text: string;
}

export type LotDesignResult =
  | { ok: false; reason: string }
  | {
      ok: true;
      shareBasis: 'volume' | 'amount';
      frontier: LotStructure[];
      /** Frontier thinned by the ε-grid (maxFrontierSize): exact otherwise. */
      isFrontierApproximate: boolean;
      /** Max savings with every lot accessible; else the structure with the best accessible share. */
      recommended: LotStructure;
      recommendedReason: 'all_accessible' | 'best_accessible_share';
      singleLot: LotStructure;
      awardFeasibility: AwardFeasibility;
      /** L2113-11 justification, present when the recommended structure is one lot. */
      singleLotJustification: SingleLotJustification | null;
      /** R2113-1 clause on how many lots a bidder may bid for and win, with the cascade rule. */
      maxLotsClause: string;
      /** Nodes of the search (pairs geography × product with demand), for diagnostics. */
      nodeCount: number;
    };
