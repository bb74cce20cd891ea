import {
  buildLotSites,
  designLots,
  getCommune,
  justifySingleLot,
  type Lot,
  type LotDesignResult,
  type LotStructure,
  type SingleLotJustification,
} from '@mutualis/core';
import type { InterestDeclaration, PlannedConsultation } from '@mutualis/db';
import { buildDemandUnits } from './build-demand-units';
import { buildLotFirms, type OfferSource } from './build-lot-firms';
import type { LocalContext } from './load-local-context';
import type { OpportunityDemand } from './load-opportunity-demand';
import { POSITION_NOTE_FR, positionsOfCommunes } from './positions';
import { MIN_PRODUCER_COVERAGE } from './source-locally';

export interface DesignOpportunityLotsOptions {
  context: LocalContext;
  demand: OpportunityDemand;
  /** Minimum number of eligible local firms for a lot to count as accessible. */
  k: number;
  maxLotsPerBidder: number | null;
  /** Design a reserved marché (L2113-12, L2113-13): only ESAT, EA and SIAE firms count. */
  reservedOnly?: boolean;
  /** Planned consultations of this opportunity and the declarations of interest made on them. */
  consultations: readonly PlannedConsultation[];
  declarations: readonly InterestDeclaration[];
}

/** An eligible firm of a lot and why it is eligible. */
export interface EligibleFirm {
  id: string;
  name: string;
  sources: OfferSource[];
  isSme: boolean;
}

export type DesignedLot = Omit<Lot, 'eligibleFirmIds'> & { siteCodes: string[]; eligibleFirms: EligibleFirm[] };
export type DesignedStructure = Omit<LotStructure, 'lots'> & { lots: DesignedLot[]; justification: SingleLotJustification | null };

export type OpportunityLotDesign =
  | { ok: false; reason: string }
  | {
      ok: true;
      shareBasis: 'volume' | 'amount';
      isFrontierApproximate: boolean;
      frontier: DesignedStructure[];
      recommendedId: string;
      recommendedReason: 'all_accessible' | 'best_accessible_share';
      singleLotId: string;
      awardFeasibility: { maxLotsPerBidder: number | null; lotsAwardableLocally: number; lotCount: number };
      maxLotsClause: string;
      sites: { code: string; name: string; position: [number, number] }[];
      positionNote: string;
    };

/** The allotissement designer on an opportunity: demand from the members' needs, firms from the territory. */
export function designOpportunityLots(options: DesignOpportunityLotsOptions): OpportunityLotDesign {
  const { context, demand, k, maxLotsPerBidder, consultations, declarations } = options;
  const units = buildDemandUnits(demand.needs, demand.organizations);
  const codes = [...new Set(units.map((u) => u.siteCode))];
  const { sites } = buildLotSites({ communeCodes: codes, positions: positionsOfCommunes(codes) });
  const lotSites = new Map(consultations.flatMap((c) => c.lots.map((l) => [l.id, l.siteCodes] as const)));
  const { firms, sources } = buildLotFirms({
    firms: context.firms,
    demand: units,
    sites,
    recipes: context.recipes,
    minProducerCoverage: MIN_PRODUCER_COVERAGE,
    declarations,
    lotSites,
  });
  const result = designLots({
    sites,
    demand: units,
    firms: options.reservedOnly ? firms.filter((f) => f.isInclusionFirm) : firms,
    minEligibleFirms: k,
    maxLotsPerBidder,
    territoryLabel: context.territory.name,
  });
  if (!result.ok) return result;
  const firmById = new Map(context.firms.map((f) => [f.organization.id, f] as const));
  const siteOfUnit = new Map(units.map((u) => [u.id, u.siteCode] as const));
  const toLot = ({ eligibleFirmIds, ...lot }: Lot): DesignedLot => ({
    ...lot,
    siteCodes: [...new Set(lot.demandUnitIds.map((id) => siteOfUnit.get(id) ?? ''))].filter(Boolean).sort(),
    eligibleFirms: eligibleFirmIds.map((id) => {
      const firm = firmById.get(id);
      return { id, name: firm?.organization.name ?? id, sources: [...(sources.get(id) ?? [])], isSme: firm?.profile.isSme ?? false };
    }),
  });
  const justificationOf = singleLotJustifier(result);
  const toStructure = (s: LotStructure): DesignedStructure => ({ ...s, lots: s.lots.map(toLot), justification: justificationOf(s) });
  const frontier = result.frontier.map(toStructure);
  if (!frontier.some((s) => s.id === result.recommended.id)) frontier.push(toStructure(result.recommended));
  return {
    ok: true,
    shareBasis: result.shareBasis,
    isFrontierApproximate: result.isFrontierApproximate,
    frontier,
    recommendedId: result.recommended.id,
    recommendedReason: result.recommendedReason,
    singleLotId: result.singleLot.id,
    awardFeasibility: result.awardFeasibility,
    maxLotsClause: result.maxLotsClause,
    sites: sites.map((s) => ({ code: s.code, name: getCommune(s.code)?.name ?? s.code, position: [s.position[0], s.position[1]] })),
    positionNote: POSITION_NOTE_FR,
  };
}

/**
 * L2113-11 text for a structure in one lot. Core writes it when it recommends the single lot; when the
 * facilitator picks the single lot instead, the same grounds are drawn from the frontier's splits.
 */
function singleLotJustifier(result: Extract<LotDesignResult, { ok: true }>): (s: LotStructure) => SingleLotJustification | null {
  const splits = result.frontier.filter((s) => s.lots.length > 1);
  const single = result.singleLot;
  return (s) => {
    if (s.lots.length !== 1) return null;
    if (result.singleLotJustification) return result.singleLotJustification;
    return justifySingleLot({
      isIndivisible: splits.length === 0 && result.nodeCount <= 1,
      savingsCents: single.savingsCents,
      bestSplitSavingsCents: splits.length > 0 ? Math.max(...splits.map((x) => x.savingsCents)) : null,
      singleAccessibleShare: single.accessibleShare,
      bestSplitAccessibleShare: splits.length > 0 ? Math.max(single.accessibleShare, ...splits.map((x) => x.accessibleShare)) : null,
      eligibleFirmCount: single.lots[0]?.eligibleFirmIds.length ?? 0,
      isAdjudicatingEntity: false,
    });
  };
}
