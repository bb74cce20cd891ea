import { UNITS } from '../units/units';
import { buildLotHierarchies, type Hierarchy } from './build-lot-hierarchies';
import type { DemandUnit, LotSite } from './types';

/** One candidate lot: a pair (geographic node, product node) holding some demand. */
export interface LotNode {
  geo: number;
  product: number;
  /** Indices into the demand array. */
  units: number[];
  weight: number;
  amount: number;
  savings: number;
  /** Sub-families present (index into `subFamilies`) with their volume in the node. */
  subFamilyVolumes: [number, number][];
  /** Effective children of the geographic and product cuts (empty when the cut is not possible). */
  geoCut: number[];
  productCut: number[];
}

export interface LotGraph {
  geo: Hierarchy;
  product: Hierarchy;
  nodes: LotNode[];
  root: number;
  subFamilies: string[];
  /** Demand unit → its site's index in `sites`. */
  siteOfUnit: number[];
  shareBasis: 'volume' | 'amount';
  totalWeight: number;
}

export interface BuildLotGraphOptions {
  sites: readonly LotSite[];
  demand: readonly DemandUnit[];
  elasticityOf: (cpvCode: string) => number;
}

/**
 * Every (geography, product) pair holding demand, with its one-lot savings and its two cuts.
 * Savings of a lot ℓ: Σ_d a_d × (1 − (V_ℓ / v_d)^(−b_d)), i.e. each unit's baseline amount
 * minus its volume at the price p(V_ℓ) = p_d × (V_ℓ / v_d)^(−b) of domain-procurement §8.2, with
 * the unit's own volume and price as reference; V_ℓ adds the lot's volumes of the same dimension
 * (litres with litres), so a smaller lot saves less. A cut with a single child holding demand is
 * followed down, so every cut really splits the demand.
 */
export function buildLotGraph({ sites, demand, elasticityOf }: BuildLotGraphOptions): LotGraph {
  const { geo, product } = buildLotHierarchies(sites, demand);
  const siteIndex = new Map(sites.map((s, i) => [s.code, i]));
  const subFamilies = [...new Set(demand.map((d) => d.cpvCode))];
  const subFamilyIndex = new Map(subFamilies.map((c, i) => [c, i]));
  const dimensions = demand.map((d) => UNITS[d.unit].dimension);
  const shareBasis = new Set(dimensions).size <= 1 ? 'volume' : 'amount';
  const nodeIds = new Map<number, number>();
  const nodes: LotNode[] = [];
  const P = product.keys.length;
  const idOf = (g: number, p: number) => nodeIds.get(g * P + p);

  const siteOfUnit = demand.map((d, u) => {
    const s = siteIndex.get(d.siteCode);
    const leafG = geo.leafOf.get(d.siteCode);
    const leafP = product.leafOf.get(d.cpvCode);
    if (s === undefined || leafG === undefined || leafP === undefined) throw new Error(`unknown site ${d.siteCode}`);
    const weight = shareBasis === 'volume' ? d.volume : d.amountCents;
    for (const g of ancestors(geo, leafG)) {
      for (const p of ancestors(product, leafP)) {
        let id = idOf(g, p);
        if (id === undefined) {
          id = nodes.length;
          nodeIds.set(g * P + p, id);
          nodes.push({ geo: g, product: p, units: [], weight: 0, amount: 0, savings: 0, subFamilyVolumes: [], geoCut: [], productCut: [] });
        }
        const node = nodes[id] as LotNode;
        node.units.push(u);
        node.weight += weight;
        node.amount += d.amountCents;
        addVolume(node.subFamilyVolumes, subFamilyIndex.get(d.cpvCode) as number, d.volume);
      }
    }
    return s;
  });

  for (const node of nodes) {
    node.savings = lotSavings(node.units, demand, dimensions, elasticityOf);
    node.geoCut = effectiveCut(geo, node.geo, (g) => idOf(g, node.product));
    node.productCut = effectiveCut(product, node.product, (p) => idOf(node.geo, p));
  }
  const root = idOf(0, 0) ?? -1;
  return { geo, product, nodes, root, subFamilies, siteOfUnit, shareBasis, totalWeight: nodes[root]?.weight ?? 0 };
}

function lotSavings(
  units: readonly number[],
  demand: readonly DemandUnit[],
  dimensions: readonly string[],
  elasticityOf: (cpv: string) => number,
): number {
  const volumeByDimension = new Map<string, number>();
  for (const u of units)
    volumeByDimension.set(dimensions[u] as string, (volumeByDimension.get(dimensions[u] as string) ?? 0) + (demand[u]?.volume ?? 0));
  let savings = 0;
  for (const u of units) {
    const d = demand[u] as DemandUnit;
    // A unit known by its amount only (volume 0) gets no volume effect: we cannot place it on p(V).
    if (d.volume <= 0) continue;
    const ratio = (volumeByDimension.get(dimensions[u] as string) ?? d.volume) / d.volume;
    savings += d.amountCents * (1 - ratio ** -elasticityOf(d.cpvCode));
  }
  return savings;
}

/**
 * Children of `id` holding demand; while there is only one, its children instead (same demand, finer
 * cut). Each child is then named by its deepest node with the same demand (a lot of one commune is
 * the commune, not its EPCI).
 */
function effectiveCut(h: Hierarchy, id: number, nodeOf: (child: number) => number | undefined): number[] {
  const present = (n: number) => (h.children[n] ?? []).filter((c) => nodeOf(c) !== undefined);
  const deepest = (n: number): number => {
    let current = n;
    for (let next = present(current); next.length === 1; next = present(current)) current = next[0] as number;
    return current;
  };
  const children = present(deepest(id));
  return children.map((c) => nodeOf(deepest(c)) as number);
}

function ancestors(h: Hierarchy, leaf: number): number[] {
  const chain: number[] = [];
  for (let n = leaf; n >= 0; n = h.parent[n] ?? -1) chain.push(n);
  return chain;
}

function addVolume(list: [number, number][], subFamily: number, volume: number): void {
  const entry = list.find((e) => e[0] === subFamily);
  if (entry) entry[1] += volume;
  else list.push([subFamily, volume]);
}
