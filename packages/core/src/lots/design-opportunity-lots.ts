import { type AwardLegalText, type AwardRuleVersion, awardRulesInForce } from '../award/award-rules';
import { type TurnoverRequirement, capTurnoverRequirement } from '../award/cap-turnover-requirement';
import { type PastFamilyContract, type SecurityBidder, type SupplySecurity, measureSupplySecurity } from '../award/measure-supply-security';
import { type AwardCriteriaResult, proposeAwardCriteria } from '../award/propose-award-criteria';
import type { Competence, IsoDate, Need, Organization, SupplierProfile } from '../domain/types';
import type { JointBidProposal } from '../prerequisites/propose-joint-bids';
import { getCommune } from '../geo/communes';
import { type PositionBasis, POSITION_NOTE_FR, placeCommune } from '../geo/commune-positions';
import type { SavingsRange } from '../savings/estimate-savings';
import type { LonLat } from '../sourcing/types';
import { MIN_PRODUCER_COVERAGE } from '../sourcing/min-producer-coverage';
import type { UnitCode } from '../units/units';
import { buildDemandUnits } from './build-demand-units';
import { buildLotFirms, jointBidId, type LotInterestDeclaration, type LotRecipe } from './build-lot-firms';
import { buildLotSites } from './build-lot-sites';
import { designLots } from './design-lots';
import { explainLotFirms, type LotFirmSource, type LotFirmVerdict } from './explain-lot-firms';
import { justifySingleLot } from './justify-single-lot';
import { lotStructureSavings, type OpportunitySavings } from './lot-structure-savings';
import type { Lot, LotDesignResult, LotStructure, SingleLotJustification } from './types';

/** A firm of the territory as the designer reads it: who, what it supplies or can make, where. */
export interface LotDesignFirm {
  organization: Pick<Organization, 'id' | 'name'>;
  profile: SupplierProfile;
  position: LonLat;
  positionBasis: PositionBasis;
}

export interface DesignOpportunityLotsOptions {
  context: {
    territory: { name: string };
    firms: readonly LotDesignFirm[];
    recipes: readonly LotRecipe[];
    competences: readonly Competence[];
  };
  demand: {
    /** The opportunity as analysed: its savings estimate is the single lot's figure. */
    opportunity: { savingsDetail: OpportunitySavings & { elasticity: { central: number } } };
    needs: readonly Need[];
    organizations: ReadonlyMap<string, Organization>;
  };
  /** Minimum number of eligible local firms for a lot to count as accessible. */
  k: number;
  maxLotsPerBidder: number | null;
  /** Design a reserved marché (L2113-12, L2113-13): only ESAT, EA and SIAE firms count. */
  reservedOnly?: boolean;
  /** Planned consultations of this opportunity (their published lots) and the declarations of interest made on them. */
  consultations: readonly { lots: readonly { id: string; label: string; siteCodes: readonly string[] }[] }[];
  declarations: readonly { organizationId: string; lotId: string; capacity: number; unit: UnitCode }[];
  /** Criteria, capacity and supply security per lot (issue 17 §2); left out, lots carry none. */
  award?: LotAwardOptions;
}

/** What the criteria, capacity requirement and security of each lot are computed from. */
export interface LotAwardOptions {
  /** Planned launch of the consultation: the rules in force on that day apply. */
  launchDate: IsoDate;
  /** The contract reaches the EU formalised threshold. */
  isFormalised: boolean;
  /** Weight of supply security in percent (0–20), taken from price. */
  securityWeight: number;
  /** Estimated value over the whole duration ÷ annual amount (R2121-1), to value each lot. */
  valuePerAnnualAmount: number;
  environmentalFocus: string;
  /** Past contracts of the family in the area, for concentration and bids received. */
  pastContracts: readonly PastFamilyContract[];
}

/** Criteria, capacity requirement and supply security of one lot. */
export interface LotAwardTerms {
  criteria: AwardCriteriaResult;
  turnover: TurnoverRequirement;
  security: SupplySecurity;
}

/** An eligible firm of a lot and why it is eligible. */
export interface EligibleFirm {
  id: string;
  name: string;
  sources: LotFirmSource[];
  isSme: boolean;
  explanation: string;
}

/** A local firm related to the lot's products that cannot answer it, and why. */
export interface IneligibleFirm {
  id: string;
  name: string;
  sources: LotFirmSource[];
  explanation: string;
}

export type DesignedLot = Omit<Lot, 'eligibleFirmIds'> & {
  siteCodes: string[];
  eligibleFirms: EligibleFirm[];
  ineligibleFirms: IneligibleFirm[];
  award: LotAwardTerms | null;
};
export type DesignedStructure = Omit<LotStructure, 'lots' | 'lotModelSavings'> & {
  lots: DesignedLot[];
  justification: SingleLotJustification | null;
  /** savingsCents − the opportunity's central estimate (≤ 0). */
  lotEffectCents: number;
  /** Why this structure's figure differs from the opportunity's, or why it does not. */
  savingsExplanation: string;
};

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
      /** The opportunity's estimate (the single lot's figure), as on the opportunity page. */
      opportunitySavings: SavingsRange;
      awardFeasibility: { maxLotsPerBidder: number | null; lotsAwardableLocally: number; lotCount: number };
      maxLotsClause: string;
      sites: { code: string; name: string; position: [number, number] }[];
      positionNote: string;
      /** Candidate joint bids (R2142-19 et seq.) that count as bidders in the lots. */
      jointBids: JointBidProposal[];
      /** Rules in force at the planned launch, null without award options. */
      awardRules: (Pick<AwardRuleVersion, 'id' | 'effectiveFrom'> & { texts: AwardLegalText[]; obligations: string[] }) | null;
    };

/**
 * The allotissement designer on an opportunity: demand from the members' needs, firms from the
 * territory, and one savings figure — the opportunity's estimate, less what a split loses in volume
 * effect, said for every structure.
 */
export function designOpportunityLots(options: DesignOpportunityLotsOptions): OpportunityLotDesign {
  const { context, demand, k, maxLotsPerBidder, consultations, declarations } = options;
  const savings = demand.opportunity.savingsDetail;
  const units = buildDemandUnits(demand.needs, demand.organizations);
  const codes = [...new Set(units.map((u) => u.siteCode))];
  const { sites } = buildLotSites({ communeCodes: codes, positions: positionsOf(codes) });
  const labelOfCompetence = new Map(context.competences.map((c) => [c.code, c.labelFr] as const));
  const { firms, assessed, jointBids } = buildLotFirms({
    firms: context.firms.map(({ organization, profile, position, positionBasis }) => ({
      id: organization.id,
      name: organization.name,
      position,
      positionBasis,
      profile,
    })),
    demand: units,
    sites,
    recipes: context.recipes,
    minProducerCoverage: MIN_PRODUCER_COVERAGE,
    declarations: lotDeclarations(consultations, declarations),
    competenceLabel: (code) => labelOfCompetence.get(code) ?? code,
  });
  const counted = options.reservedOnly ? assessed.filter((a) => a.firm.isInclusionFirm) : assessed;
  const shareOf = (lotModel: number, single: number) => (single > 0 ? lotModel / single : null);
  const result = designLots({
    sites,
    demand: units,
    firms: options.reservedOnly ? firms.filter((f) => f.isInclusionFirm) : firms,
    minEligibleFirms: k,
    maxLotsPerBidder,
    territoryLabel: context.territory.name,
    elasticity: savings.elasticity.central,
    savingsOfStructure: (lotModel, single) => lotStructureSavings(savings, shareOf(lotModel, single)).centralCents,
  });
  if (!result.ok) return result;
  const singleModel = result.singleLot.lotModelSavings;
  const firmById = new Map(context.firms.map((f) => [f.organization.id, f] as const));
  const firmNames = new Map(context.firms.map((f) => [f.organization.id, f.organization.name] as const));
  const siteOfUnit = new Map(units.map((u) => [u.id, u.siteCode] as const));
  // A lot id names its geography × product node: frontier structures share lots, explained once.
  const verdictsByLot = new Map<string, LotFirmVerdict[]>();
  const verdictsOf = (lot: Lot) => {
    let verdicts = verdictsByLot.get(lot.id);
    if (!verdicts) {
      verdicts = explainLotFirms({
        demandUnitIds: lot.demandUnitIds,
        demand: units,
        sites,
        assessed: counted,
        competences: context.competences,
        firmNames,
      });
      verdictsByLot.set(lot.id, verdicts);
    }
    return verdicts;
  };
  const lotFirmById = new Map(firms.map((f) => [f.id, f] as const));
  const isSmeOf = (id: string): boolean => {
    const joint = jointBids.find((j) => jointBidId(j) === id);
    if (joint) return [joint.leadId, ...joint.partnerIds].every((m) => firmById.get(m)?.profile.isSme ?? false);
    return firmById.get(id)?.profile.isSme ?? false;
  };
  const rules = options.award ? awardRulesInForce(options.award.launchDate) : null;
  const siteName = (code: string) => getCommune(code)?.name ?? code;
  const awardOf = (lot: Lot, siteCodes: readonly string[]): LotAwardTerms | null => {
    const award = options.award;
    if (!award || !rules) return null;
    const bidders: SecurityBidder[] = lot.eligibleFirmIds.map((id) => {
      const firm = lotFirmById.get(id);
      return {
        id,
        name: firmNames.get(id) ?? jointBids.find((j) => jointBidId(j) === id)?.name ?? id,
        position: firm?.position ?? [0, 0],
        inputs: (firm?.offers ?? []).flatMap((o) => (o.basis?.kind === 'producer' || o.basis?.kind === 'joint' ? o.basis.inputs : [])),
      };
    });
    const lotSites = sites
      .filter((s) => siteCodes.includes(s.code))
      .map((s) => ({ code: s.code, name: siteName(s.code), position: s.position }));
    const smeCount = lot.eligibleFirmIds.filter(isSmeOf).length;
    return {
      criteria: proposeAwardCriteria({
        rules,
        isFormalised: award.isFormalised,
        securityWeight: award.securityWeight,
        amountCents: lot.amountCents,
        environmentalFocus: award.environmentalFocus,
      }),
      turnover: capTurnoverRequirement({
        rules,
        estimatedValueCents: Math.round(lot.amountCents * award.valuePerAnnualAmount),
        eligibleCount: lot.eligibleFirmIds.length,
        smeCount,
      }),
      security: measureSupplySecurity({ bidders, sites: lotSites, pastContracts: award.pastContracts }),
    };
  };
  const toLot = ({ eligibleFirmIds, ...lot }: Lot): DesignedLot => {
    const verdicts = new Map(verdictsOf({ ...lot, eligibleFirmIds }).map((v) => [v.firmId, v] as const));
    const eligible = new Set(eligibleFirmIds);
    const siteCodes = [...new Set(lot.demandUnitIds.map((id) => siteOfUnit.get(id) ?? ''))].filter(Boolean).sort();
    return {
      ...lot,
      siteCodes,
      award: awardOf({ ...lot, eligibleFirmIds }, siteCodes),
      eligibleFirms: eligibleFirmIds.map((id) => {
        const verdict = verdicts.get(id);
        return {
          id,
          name: verdict?.name ?? firmById.get(id)?.organization.name ?? id,
          sources: verdict?.sources ?? [],
          isSme: isSmeOf(id),
          explanation: verdict?.explanation ?? '',
        };
      }),
      ineligibleFirms: [...verdicts.values()]
        .filter((v) => !eligible.has(v.firmId))
        .map(({ firmId, name, sources, explanation }) => ({ id: firmId, name, sources, explanation })),
    };
  };
  const justificationOf = singleLotJustifier(result);
  const toStructure = ({ lotModelSavings, ...s }: LotStructure): DesignedStructure => {
    const figure = lotStructureSavings(savings, shareOf(lotModelSavings, singleModel));
    return {
      ...s,
      lots: s.lots.map(toLot),
      justification: justificationOf({ ...s, lotModelSavings }),
      lotEffectCents: figure.lotEffectCents,
      savingsExplanation: figure.explanation,
    };
  };
  const frontier = result.frontier.map(toStructure);
  // The recommended structure, and the single lot (the opportunity's own figure), are always listed.
  for (const s of [result.recommended, result.singleLot]) if (!frontier.some((f) => f.id === s.id)) frontier.push(toStructure(s));
  return {
    ok: true,
    shareBasis: result.shareBasis,
    isFrontierApproximate: result.isFrontierApproximate,
    frontier,
    recommendedId: result.recommended.id,
    recommendedReason: result.recommendedReason,
    singleLotId: result.singleLot.id,
    opportunitySavings: savings.total,
    awardFeasibility: result.awardFeasibility,
    maxLotsClause: result.maxLotsClause,
    sites: sites.map((s) => ({ code: s.code, name: getCommune(s.code)?.name ?? s.code, position: [s.position[0], s.position[1]] })),
    positionNote: POSITION_NOTE_FR,
    jointBids,
    awardRules: rules
      ? {
          id: rules.id,
          effectiveFrom: rules.effectiveFrom,
          texts: [...rules.texts],
          obligations: [
            rules.environmentalCriterionRequired ? 'un critère d’attribution environnemental (L2152-7)' : null,
            rules.environmentalConditionRequired ? 'une condition d’exécution environnementale (L2112-2)' : null,
            rules.socialConditionAboveEuThresholds && options.award?.isFormalised ? 'une condition d’exécution sociale (L2112-2-1)' : null,
          ].filter((o): o is string => o !== null),
        }
      : null,
  };
}

/** Positions of the delivery communes (commune point, else département centroid); unknown codes are left out. */
function positionsOf(codes: readonly string[]): Record<string, LonLat> {
  const positions: Record<string, LonLat> = {};
  for (const code of codes) {
    const placed = placeCommune(code);
    if (placed) positions[code] = placed.position;
  }
  return positions;
}

/** Declarations of interest with the delivery communes and label of the published lot they name. */
function lotDeclarations(
  consultations: DesignOpportunityLotsOptions['consultations'],
  declarations: DesignOpportunityLotsOptions['declarations'],
): LotInterestDeclaration[] {
  const lots = new Map(consultations.flatMap((c) => c.lots.map((l) => [l.id, l] as const)));
  return declarations.flatMap((d) => {
    const lot = lots.get(d.lotId);
    return lot ? [{ firmId: d.organizationId, lotLabel: lot.label, siteCodes: lot.siteCodes, quantity: d.capacity, unit: d.unit }] : [];
  });
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
