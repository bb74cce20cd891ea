import type { UnitCode } from '../units/units';
import { buildEligibility } from './build-eligibility';
import { buildLotGraph, type LotGraph } from './build-lot-graph';
import { buildMaxLotsClause } from './build-max-lots-clause';
import { checkAwardFeasibility } from './check-award-feasibility';
import { computeLotFrontier, lotsOfPoint } from './compute-lot-frontier';
import { justifySingleLot } from './justify-single-lot';
import { labelLotNode } from './label-lot-node';
import type { DesignLotsOptions, Lot, LotDesignResult, LotStructure } from './types';

/**
 * Allotissement designer (L2113-10, algorithms.md §5): the Pareto frontier between savings and the
 * share of demand in lots that at least k local firms can serve, over lots cut along geography and
 * product hierarchies, with the recommended structure and the texts L2113-11 and R2113-1 ask for.
 */
export function designLots(options: DesignLotsOptions): LotDesignResult {
  const { sites, demand, firms } = options;
  const invalid = validate(options);
  if (invalid) return { ok: false, reason: invalid };
  const k = options.minEligibleFirms ?? 2;
  const maxLotsPerBidder = options.maxLotsPerBidder ?? null;
  const graph = buildLotGraph({ sites, demand, elasticityOf: elasticityFor(options) });
  const eligibility = buildEligibility(graph, sites, firms);
  const isAccessible = (id: number) => k <= 0 || eligibility.count(id, k) >= k;
  const frontier = computeLotFrontier({ graph, isAccessible, maxFrontierSize: Math.max(3, options.maxFrontierSize ?? 64) });

  const lotCache = new Map<number, { lot: Lot; eligible: number[] }>();
  const lotOf = (id: number) => {
    const cached = lotCache.get(id);
    if (cached) return cached;
    const eligible = eligibility.list(id);
    const built = { lot: buildLot(graph, id, eligible, isAccessible(id), options), eligible };
    lotCache.set(id, built);
    return built;
  };
  const shown = shownSavings(graph, options);
  const structureOf = (ids: readonly number[]): LotStructure => {
    const lots = ids.map((id) => lotOf(id).lot).sort((a, b) => a.id.localeCompare(b.id));
    const accessibleWeight = ids.reduce((sum, id) => sum + (isAccessible(id) ? (graph.nodes[id]?.weight ?? 0) : 0), 0);
    const lotModelSavings = ids.reduce((sum, id) => sum + (graph.nodes[id]?.savings ?? 0), 0);
    return {
      id: structureId(lots.map((l) => l.id)),
      savingsCents: shown(lotModelSavings),
      lotModelSavings,
      accessibleShare: graph.totalWeight > 0 ? accessibleWeight / graph.totalWeight : 0,
      lots,
    };
  };

  const entries = dropDominatedAfterRounding(
    frontier.points.map((p) => {
      const ids = lotsOfPoint(p);
      return { ids, structure: structureOf(ids) };
    }),
  );
  const structures = entries.map((e) => e.structure);
  const singleLot = structureOf([graph.root]);
  const best = frontier.bestAllAccessible;
  const mostAccessible = [...entries].sort(
    (a, b) => b.structure.accessibleShare - a.structure.accessibleShare || b.structure.savingsCents - a.structure.savingsCents,
  )[0] ?? { ids: [graph.root], structure: singleLot };
  const chosen = best ? { ids: best.lots, structure: structureOf(best.lots) } : mostAccessible;
  const recommended = chosen.structure;
  const lotsAwardableLocally = checkAwardFeasibility({ eligibleByLot: chosen.ids.map((id) => lotOf(id).eligible), maxLotsPerBidder });
  return {
    ok: true,
    shareBasis: graph.shareBasis,
    frontier: structures,
    isFrontierApproximate: frontier.isApproximate,
    recommended,
    recommendedReason: best ? 'all_accessible' : 'best_accessible_share',
    singleLot,
    awardFeasibility: { maxLotsPerBidder, lotsAwardableLocally, lotCount: recommended.lots.length },
    singleLotJustification: recommended.lots.length === 1 ? justify(graph, singleLot, structures, options, shown) : null,
    maxLotsClause: buildMaxLotsClause({ lotCount: recommended.lots.length, maxLotsPerBidder }),
    nodeCount: graph.nodes.length,
  };
}

/** The figure shown for a structure's lot-model savings (`savingsOfStructure`, else rounded). */
function shownSavings(graph: LotGraph, options: DesignLotsOptions): (lotModelSavings: number) => number {
  const single = graph.nodes[graph.root]?.savings ?? 0;
  const map = options.savingsOfStructure;
  return map ? (savings) => map(savings, single) : (savings) => Math.round(savings);
}

function justify(
  graph: LotGraph,
  single: LotStructure,
  frontier: readonly LotStructure[],
  options: DesignLotsOptions,
  shown: (lotModelSavings: number) => number,
) {
  const root = graph.nodes[graph.root];
  const cuts = [root?.geoCut ?? [], root?.productCut ?? []].filter((cut) => cut.length > 0);
  // Merging lots raises every V_ℓ, so the best split for savings cuts the root once into single lots.
  const bestSplitSavings =
    cuts.length === 0 ? null : Math.max(...cuts.map((cut) => cut.reduce((sum, id) => sum + (graph.nodes[id]?.savings ?? 0), 0)));
  const splitShares = frontier.filter((s) => s.lots.length > 1).map((s) => s.accessibleShare);
  return justifySingleLot({
    isIndivisible: cuts.length === 0,
    savingsCents: single.savingsCents,
    bestSplitSavingsCents: bestSplitSavings === null ? null : shown(bestSplitSavings),
    singleAccessibleShare: single.accessibleShare,
    // A split more accessible than the single lot would be on the frontier; none there means none exists.
    bestSplitAccessibleShare: cuts.length === 0 ? null : Math.max(single.accessibleShare, ...splitShares),
    eligibleFirmCount: single.lots[0]?.eligibleFirmIds.length ?? 0,
    isAdjudicatingEntity: options.isAdjudicatingEntity ?? false,
  });
}

function buildLot(graph: LotGraph, id: number, eligible: readonly number[], isAccessible: boolean, options: DesignLotsOptions): Lot {
  const node = graph.nodes[id];
  if (!node) throw new Error(`no lot node ${id}`);
  const geoKey = graph.geo.keys[node.geo] as string;
  const productKey = graph.product.keys[node.product] as string;
  const volumes: Partial<Record<UnitCode, number>> = {};
  for (const u of node.units) {
    const d = options.demand[u];
    if (d) volumes[d.unit] = (volumes[d.unit] ?? 0) + d.volume;
  }
  return {
    id: `${geoKey}|${productKey}`,
    geoNode: geoKey,
    productNode: productKey,
    label: labelLotNode(geoKey, productKey, options.territoryLabel ?? 'Territoire'),
    demandUnitIds: node.units.map((u) => options.demand[u]?.id ?? ''),
    volumes,
    amountCents: node.amount,
    savingsCents: Math.round(node.savings),
    eligibleFirmIds: eligible.map((f) => options.firms[f]?.id ?? ''),
    isAccessible,
    // L2113-12 / L2113-13: a lot may be reserved when an eligible firm is an EA, ESAT or SIAE.
    isReservable: eligible.some((f) => options.firms[f]?.isInclusionFirm === true),
  };
}

function elasticityFor(options: DesignLotsOptions): (cpv: string) => number {
  const entries = Object.entries(options.elasticityByCpv ?? {}).sort((a, b) => b[0].length - a[0].length);
  const fallback = options.elasticity ?? 0.1;
  return (cpv) => entries.find(([prefix]) => cpv.startsWith(prefix.replace(/0+$/, '')))?.[1] ?? fallback;
}

function validate({ sites, demand }: DesignLotsOptions): string | null {
  if (demand.length === 0) return 'Aucune unité de demande : rien à allotir.';
  const siteCodes = new Set(sites.map((s) => s.code));
  const unknown = demand.find((d) => !siteCodes.has(d.siteCode));
  if (unknown) return `Le lieu de livraison ${unknown.siteCode} de l’unité de demande ${unknown.id} n’est pas dans la liste des sites.`;
  const bad = demand.find((d) => !(d.volume >= 0) || !(d.amountCents >= 0));
  if (bad) return `L’unité de demande ${bad.id} a un volume ou un montant négatif.`;
  const ids = new Set(demand.map((d) => d.id));
  if (ids.size !== demand.length) return 'Deux unités de demande ont le même identifiant.';
  return null;
}

/**
 * Savings are compared in floats by the DP and in whole cents here: two points within a cent may then
 * dominate one another. The lot model's savings decide (the figure shown may tie several structures
 * at the opportunity's published cap without making the larger lots dominated).
 */
function dropDominatedAfterRounding<T extends { structure: LotStructure }>(entries: readonly T[]): T[] {
  const cents = (s: LotStructure) => Math.round(s.lotModelSavings);
  return entries.filter(
    ({ structure: a }) =>
      !entries.some(
        ({ structure: b }) =>
          b !== a &&
          cents(b) >= cents(a) &&
          b.accessibleShare >= a.accessibleShare &&
          (cents(b) > cents(a) || b.accessibleShare > a.accessibleShare),
      ),
  );
}

/** FNV-1a hash of the sorted lot ids: the same lots give the same structure id. */
function structureId(lotIds: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const ch of lotIds.join(';')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `s-${h.toString(16).padStart(8, '0')}`;
}
